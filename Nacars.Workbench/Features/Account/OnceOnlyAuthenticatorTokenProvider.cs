using Microsoft.AspNetCore.Identity;
using OtpNet;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Features.Account;

/// <summary>
/// Authenticator (TOTP) codes that work once. Identity's own provider accepts the same code again for as long as its
/// window lasts, so a code seen over a shoulder or captured with the password could be replayed. This one accepts a
/// code from the current 30-second step or one either side (clock drift), only for a step later than the last one
/// accepted for that person, and records the step before answering yes; two posts of one code race on the account's
/// concurrency stamp and only one wins.
/// </summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<NacarsUser>
{
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<NacarsUser> manager, NacarsUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(previous: 1, future: 1))) return false;
        if (user.LastAuthenticatorStep is { } last && step <= last) return false;
        user.LastAuthenticatorStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
