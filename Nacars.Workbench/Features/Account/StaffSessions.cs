using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Audit;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Features.Account;

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
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<SignInThrottle>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<NacarsOptions>, TimeProvider, DatabaseTicketStore>((o, nacars, clock, store) =>
        {
            // The session lives on the server; the cookie only names it (so sign-out, idleness and account changes end it).
            o.SessionStore = store;
            var security = nacars.Value.Security;
            o.Cookie.Name = "nacars.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Idle: the cookie lapses this long after the last request, and so does its session on the server
            // (DatabaseTicketStore); activity in a page renews both (workbench.js calls KeepAlive).
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
                    foreach (var claim in current.Claims.Where(c => c.Type is StaffClaims.Amr or StaffClaims.SignedInAt or StaffClaims.Session))
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
        // Pages call this while the person is using them (workbench.js): the request itself renews the sliding cookie
        // and marks this session (only this one) as in use.
        account.MapGet("/KeepAlive", () => TypedResults.NoContent()).RequireAuthorization();
        return endpoints;
    }
}
