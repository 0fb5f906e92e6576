using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Audit;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Features.Account;

/// <summary>The steps of a staff sign-in, shared by the sign-in pages.</summary>
public sealed class StaffSignIn(SignInManager<NacarsUser> signIn, UserManager<NacarsUser> users, IOptions<NacarsOptions> options, StaffAudit audit,
    SignInThrottle throttle, TimeProvider clock, ILogger<StaffSignIn> logger)
{
    private bool RequireMfa => options.Value.Security.RequireMfa;

    /// <summary>A password hash no typed password matches, checked when no account can sign in with the address, so
    /// every failure costs the same time as a wrong password for a real account.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<NacarsUser>().HashPassword(new NacarsUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));

    /// <summary>
    /// Checks the password. Every failure, for an unknown address, a wrong password, a locked or a disabled account,
    /// gets the same answer after the same work (one password hash checked, one audit event), so the sign-in page
    /// says nothing about which staff addresses exist. Failures slow the connection down (<see cref="SignInThrottle"/>);
    /// an account is locked only when many connections fail at it. A person with an authenticator, or who must enrol
    /// one, is not signed in yet: only a short-lived note of who they are is kept until the second step.
    /// </summary>
    public async Task<SignInOutcome> PasswordAsync(HttpContext http, string email, string password)
    {
        var delay = throttle.DelayFor(http, email);
        if (delay > TimeSpan.Zero) await Task.Delay(delay, http.RequestAborted);

        var user = await users.FindByEmailAsync(email);
        var passwordRight = user is null
            ? new PasswordHasher<NacarsUser>().VerifyHashedPassword(new NacarsUser(), DecoyHash.Value, password) == PasswordVerificationResult.Success
            : await users.CheckPasswordAsync(user, password);
        var mayUse = user is { Disabled: false } && !await users.IsLockedOutAsync(user);
        if (user is null || !passwordRight || !mayUse)
        {
            await audit.RecordAsync(user?.Email ?? "unknown account", AuditActions.StaffSignInFailed,
                user is null ? "no staff account has that address" : !mayUse ? (user.Disabled ? "account disabled" : "account locked") : "wrong password");
            if (throttle.Failed(http, email) && user is { Disabled: false } && !await users.IsLockedOutAsync(user))
            {
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, clock.GetUtcNow().AddMinutes(options.Value.Security.LockMinutes));
                await audit.RecordAsync(user.Email!, AuditActions.StaffLockedOut,
                    $"failed sign-ins from {options.Value.Security.LockAfterFailingClients} or more connections; locked for {options.Value.Security.LockMinutes:0} minutes unless an administrator lifts it");
                logger.LogWarning("A staff account was locked after failed sign-ins from many connections");
            }
            return SignInOutcome.Failed;
        }
        throttle.Succeeded(http, email);
        if (user.MustSetPassword)
        {
            // An administrator's set-up code: it opens the set-password page and nothing else.
            await RememberPendingAsync(http, user);
            await audit.RecordAsync(user.Email!, AuditActions.StaffSignedIn, "set-up code from a reset: only the set-password page opens");
            return SignInOutcome.MustSetPassword;
        }
        if (user.TwoFactorEnabled || RequireMfa)
        {
            await RememberPendingAsync(http, user);
            return user.TwoFactorEnabled ? SignInOutcome.NeedsSecondFactor : SignInOutcome.MustEnrol;
        }
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffClaims.Amr, "pwd")]);
        await audit.RecordAsync(user.Email!, AuditActions.StaffSignedIn, "password only (second factor not required here)");
        return SignInOutcome.SignedIn;
    }

    /// <summary>Sets the password of a person who signed in with a set-up code, then leads them on: a new authenticator
    /// where one is required (the reset removed the old one), else straight in. Null when done; the problems otherwise.</summary>
    public async Task<(SignInOutcome? Next, IReadOnlyList<string> Problems)> SetOwnPasswordAsync(HttpContext http, string password)
    {
        var user = await PendingUserAsync();
        if (user is not { MustSetPassword: true }) return (SignInOutcome.Failed, ["Sign in with the set-up code first."]);
        var removed = await users.RemovePasswordAsync(user);
        var added = removed.Succeeded ? await users.AddPasswordAsync(user, password) : removed;
        if (!added.Succeeded)
        {
            // Put the set-up code's hash back untouched is not possible; the person stays on this page and tries again.
            return (null, [.. added.Errors.Select(e => e.Description)]);
        }
        user.MustSetPassword = false;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(user.Email!, AuditActions.StaffPasswordChanged, "own password set after an administrator's reset");
        if (RequireMfa || user.TwoFactorEnabled) return (user.TwoFactorEnabled ? SignInOutcome.NeedsSecondFactor : SignInOutcome.MustEnrol, []);
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffClaims.Amr, "pwd")]);
        return (SignInOutcome.SignedIn, []);
    }

    /// <summary>The same short-lived note Identity keeps between the password and the next step (its two-factor user
    /// cookie): who the person is, and nothing that opens a staff page.</summary>
    private static Task RememberPendingAsync(HttpContext http, NacarsUser user) =>
        http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme)));

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
