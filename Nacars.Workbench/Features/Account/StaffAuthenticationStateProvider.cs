using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Features.Account;

/// <summary>
/// The signed-in person as open pages see them, checked again every few seconds: an ended or idle session, a disabled
/// account, a changed role or a reset second factor (a new security stamp), or a session past its absolute lifetime,
/// ends the page's access.
/// </summary>
internal sealed class StaffAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> identity, IOptions<NacarsOptions> nacars, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(nacars.Value.Security.SessionCheckSeconds);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (StaffSessions.Expired(state.User, nacars.Value.Security, clock)) return false;
        await using var scope = scopeFactory.CreateAsyncScope();
        // The session itself: signed out elsewhere or ended by an administrator. Idleness is IdleWatch's, which tells
        // the person their session timed out rather than sending them to sign in without a word.
        if (!await scope.ServiceProvider.GetRequiredService<DatabaseTicketStore>().IsOpenAsync(state.User.FindFirstValue(StaffClaims.Session), cancellationToken, idleCounts: false))
            return false;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NacarsUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || user.Disabled) return false;
        return !users.SupportsUserSecurityStamp
            || state.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
