using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Audit;
using Nacars.Core.Data;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Features.Account;

/// <summary>The claims a staff session carries beyond Identity's own.</summary>
public static class StaffClaims
{
    /// <summary>How the person signed in: "mfa" with a second factor (Identity's convention), "pwd" with a password alone.</summary>
    public const string Amr = "amr";
    public const string Mfa = "mfa";
    /// <summary>When the session began (UTC, round-trip format): the absolute lifetime counts from here, whatever refreshes it.</summary>
    public const string SignedInAt = "nacars:signed-in-at";
}

/// <summary>
/// Staff sessions: every member of staff signs in with a second factor (enrolling an authenticator at their first
/// sign-in, before any staff page opens), a session ends after <see cref="SecurityOptions.IdleTimeoutMinutes"/> without
/// activity and after <see cref="SecurityOptions.SessionLifetimeHours"/> in any case, sign-in attempts are throttled
/// per client in memory, and every sign-in, failure, lockout and sign-out is audited.
/// </summary>
public static class StaffSessions
{
    public const string SignInLimit = "staff-sign-in";

    public static IServiceCollection AddStaffSessions(this IServiceCollection services)
    {
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, StaffAuthenticationStateProvider>();
        services.AddScoped<StaffSignIn>();
        services.AddSingleton<StaffAudit>();
        services.AddSingleton<StaffActivity>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<NacarsOptions>, TimeProvider>((o, nacars, clock) =>
        {
            var security = nacars.Value.Security;
            o.Cookie.Name = "nacars.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Idle: the cookie lapses this long after the last request; activity in a page renews it (see StaffActivity).
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnSigningIn = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == StaffClaims.SignedInAt))
                    identity.AddClaim(new Claim(StaffClaims.SignedInAt, clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal is { } principal && Expired(principal, security, clock))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await stampCheck(context);
            };
        });
        // A disabled user's or changed role's session is checked again every minute. Identity rebuilds the principal from
        // the database then, which would drop how the person signed in: the second factor and the session's start carry over.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<NacarsOptions>>((o, nacars) =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(nacars.Value.Security.AccountCheckSeconds);
            o.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is ClaimsIdentity fresh && context.CurrentPrincipal is { } current)
                    foreach (var claim in current.Claims.Where(c => c.Type is StaffClaims.Amr or StaffClaims.SignedInAt))
                        if (!fresh.HasClaim(claim.Type, claim.Value)) fresh.AddClaim(new Claim(claim.Type, claim.Value));
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Past the session's absolute lifetime (counted from sign-in, not from the last refresh).</summary>
    public static bool Expired(ClaimsPrincipal principal, SecurityOptions security, TimeProvider clock) =>
        principal.FindFirstValue(StaffClaims.SignedInAt) is { } at
        && DateTime.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
        && clock.GetUtcNow().UtcDateTime - signedIn > TimeSpan.FromHours(security.SessionLifetimeHours);

    /// <summary>Sign-in attempts per client (by address, in memory only, forgotten with the window).</summary>
    public static void AddSignInLimit(RateLimiterOptions o) =>
        o.AddPolicy(SignInLimit, http =>
        {
            var security = http.RequestServices.GetRequiredService<IOptions<NacarsOptions>>().Value.Security;
            if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
            return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = security.SignInAttemptsPerWindow,
                Window = TimeSpan.FromSeconds(security.SignInWindowSeconds),
                QueueLimit = 0,
            });
        });

    public static IEndpointRouteBuilder MapStaffSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");
        account.MapPost("/Logout", async (HttpContext http, SignInManager<NacarsUser> signIn, StaffAudit audit) =>
        {
            if (http.User.Identity?.Name is { } name) await audit.RecordAsync(name, AuditActions.StaffSignedOut);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        // Pages call this while the person is using them (workbench.js): it renews the sliding cookie and marks them active.
        account.MapGet("/KeepAlive", (HttpContext http, StaffActivity activity, TimeProvider clock) =>
        {
            activity.Touch(http.User, clock);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        return endpoints;
    }
}

/// <summary>When each member of staff was last active (a request, or input in an open page). In memory: an instance
/// that restarts forgets, and its pages connect again, which counts as activity.</summary>
public sealed class StaffActivity
{
    private readonly ConcurrentDictionary<string, DateTime> _lastSeen = new();

    public void Touch(ClaimsPrincipal user, TimeProvider clock)
    {
        if (user.Identity is { IsAuthenticated: true, Name: { } name }) _lastSeen[name] = clock.GetUtcNow().UtcDateTime;
    }

    public TimeSpan IdleFor(string name, DateTime nowUtc) => _lastSeen.TryGetValue(name, out var at) ? nowUtc - at : TimeSpan.Zero;
}

/// <summary>Audit events for staff sign-ins and sessions (who, what, when; never a password or a code).</summary>
public sealed class StaffAudit(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    public async Task RecordAsync(string actor, string action, string? detail = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow().UtcDateTime, actor, action, null, detail));
        await db.SaveChangesAsync();
    }
}

public enum SignInOutcome { SignedIn, NeedsSecondFactor, MustEnrol, LockedOut, Failed }

/// <summary>The steps of a staff sign-in, shared by the sign-in pages.</summary>
public sealed class StaffSignIn(SignInManager<NacarsUser> signIn, UserManager<NacarsUser> users, IOptions<NacarsOptions> options, StaffAudit audit)
{
    private bool RequireMfa => options.Value.Security.RequireMfa;

    /// <summary>Checks the password (failures count towards lockout). A person with an authenticator, or who must
    /// enrol one, is not signed in yet: only a short-lived note of who they are is kept until the second step.</summary>
    public async Task<SignInOutcome> PasswordAsync(HttpContext http, string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await audit.RecordAsync("unknown account", AuditActions.StaffSignInFailed, "no staff account has that address");
            return SignInOutcome.Failed;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut || user.Disabled)
        {
            await audit.RecordAsync(user.Email!, AuditActions.StaffLockedOut, user.Disabled ? "account disabled" : "too many failed attempts");
            return SignInOutcome.LockedOut;
        }
        if (!result.Succeeded)
        {
            await audit.RecordAsync(user.Email!, AuditActions.StaffSignInFailed, "wrong password");
            return SignInOutcome.Failed;
        }
        if (user.TwoFactorEnabled || RequireMfa)
        {
            // The same note Identity keeps between the password and the code (its two-factor user cookie).
            await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
                new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme)));
            return user.TwoFactorEnabled ? SignInOutcome.NeedsSecondFactor : SignInOutcome.MustEnrol;
        }
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffClaims.Amr, "pwd")]);
        await audit.RecordAsync(user.Email!, AuditActions.StaffSignedIn, "password only (second factor not required here)");
        return SignInOutcome.SignedIn;
    }

    /// <summary>Whoever passed the password step and is now on the second (or enrolling).</summary>
    public Task<NacarsUser?> PendingUserAsync() => signIn.GetTwoFactorAuthenticationUserAsync();

    public async Task<SignInOutcome> AuthenticatorCodeAsync(string code)
    {
        var user = await PendingUserAsync();
        if (user is null) return SignInOutcome.Failed;
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Clean(code), isPersistent: false, rememberClient: false);
        return await AuditSecondStepAsync(user, result, "authenticator code");
    }

    public async Task<SignInOutcome> RecoveryCodeAsync(string code)
    {
        var user = await PendingUserAsync();
        if (user is null) return SignInOutcome.Failed;
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", "", StringComparison.Ordinal));
        var outcome = await AuditSecondStepAsync(user, result, "recovery code");
        if (outcome == SignInOutcome.SignedIn)
            await audit.RecordAsync(user.Email!, AuditActions.StaffRecoveryCodeUsed, $"{await users.CountRecoveryCodesAsync(user)} recovery codes left");
        return outcome;
    }

    private async Task<SignInOutcome> AuditSecondStepAsync(NacarsUser user, Microsoft.AspNetCore.Identity.SignInResult result, string how)
    {
        if (result.Succeeded)
        {
            await audit.RecordAsync(user.Email!, AuditActions.StaffSignedIn, $"password and {how}");
            return SignInOutcome.SignedIn;
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(user.Email!, AuditActions.StaffLockedOut, $"too many failed attempts ({how})");
            return SignInOutcome.LockedOut;
        }
        await audit.RecordAsync(user.Email!, AuditActions.StaffSignInFailed, $"wrong {how}");
        return SignInOutcome.Failed;
    }

    /// <summary>The authenticator key to show while enrolling (made on first request).</summary>
    public async Task<string> AuthenticatorKeyAsync(NacarsUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return key!;
    }

    /// <summary>Confirms the authenticator with a code from it, turns the second factor on, issues recovery codes and
    /// signs the person in with it. Null when the code is wrong.</summary>
    public async Task<IReadOnlyList<string>?> EnrolAsync(HttpContext http, NacarsUser user, string code)
    {
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Clean(code)))
        {
            await audit.RecordAsync(user.Email!, AuditActions.StaffSignInFailed, "wrong code while setting up an authenticator");
            return null;
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffClaims.Amr, StaffClaims.Mfa)]);
        await audit.RecordAsync(user.Email!, AuditActions.StaffAuthenticatorEnrolled, "authenticator confirmed, 10 recovery codes issued");
        await audit.RecordAsync(user.Email!, AuditActions.StaffSignedIn, "password and new authenticator");
        return codes;
    }

    private static string Clean(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}

/// <summary>
/// The signed-in person as open pages see them, checked again every minute: a disabled account, a changed role or
/// a reset second factor (a new security stamp), or a session past its absolute lifetime, ends the page's access.
/// </summary>
internal sealed class StaffAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> identity, IOptions<NacarsOptions> nacars, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(nacars.Value.Security.AccountCheckSeconds);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (StaffSessions.Expired(state.User, nacars.Value.Security, clock)) return false;
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NacarsUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || user.Disabled) return false;
        return !users.SupportsUserSecurityStamp
            || state.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
