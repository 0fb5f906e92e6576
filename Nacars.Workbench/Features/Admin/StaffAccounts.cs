using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nacars.Core.Data;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Features.Admin;

/// <summary>Creates and manages staff accounts: the first admin from the command line, demo users in Development, and
/// users an admin adds. Each operation uses its own scope (its own user store), so an admin page open for hours never
/// writes back a stale copy of an account that has signed in since.</summary>
public sealed class StaffAccounts(IServiceScopeFactory scopes, IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    private async Task<T> WithUsersAsync<T>(Func<UserManager<NacarsUser>, RoleManager<IdentityRole>, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<NacarsUser>>(), scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
    }

    private Task WithUsersAsync(Func<UserManager<NacarsUser>, RoleManager<IdentityRole>, Task> work) =>
        WithUsersAsync<bool>(async (u, r) => { await work(u, r); return true; });

    public Task EnsureRolesAsync() => WithUsersAsync((_, roles) => EnsureRolesAsync(roles));

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
    }

    /// <param name="setUpCode">The password is a one-time set-up code an administrator passes on: it opens only the
    /// page where its owner sets their own (see <see cref="ResetPasswordAsync"/>).</param>
    public Task<NacarsUser> CreateAsync(string email, string displayName, string password, IEnumerable<string> roleNames, bool setUpCode = false) => WithUsersAsync(async (users, roles) =>
    {
        var wanted = roleNames.ToList();
        var unknown = wanted.FirstOrDefault(r => !Roles.All.Contains(r));
        if (unknown is not null) throw new ArgumentException($"'{unknown}' is not a role. Roles: {string.Join(", ", Roles.All)}.");
        await EnsureRolesAsync(roles);
        var user = new NacarsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, MustSetPassword = setUpCode };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, wanted));
        return user;
    });

    public sealed record StaffMember(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactor, bool LockedOut,
        int OpenSessions, DateTime? LastSeenAtUtc);

    public Task<IReadOnlyList<StaffMember>> AllAsync() => WithUsersAsync<IReadOnlyList<StaffMember>>(async (users, _) =>
    {
        Dictionary<string, (int Count, DateTime Last)> sessions;
        await using (var db = await dbFactory.CreateDbContextAsync())
            sessions = (await db.StaffSessions.AsNoTracking().Where(s => s.EndedAtUtc == null)
                .GroupBy(s => s.UserId).Select(g => new { g.Key, Count = g.Count(), Last = g.Max(s => s.LastSeenAtUtc) }).ToListAsync())
                .ToDictionary(g => g.Key, g => (g.Count, g.Last));
        var result = new List<StaffMember>();
        foreach (var user in users.Users.OrderBy(u => u.Email).ToList())
        {
            var open = sessions.GetValueOrDefault(user.Id);
            result.Add(new StaffMember(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)], user.Disabled,
                user.TwoFactorEnabled, user.LockoutEnd > clock.GetUtcNow() && !user.Disabled, open.Count, open.Count > 0 ? open.Last : null));
        }
        return result;
    });

    /// <summary>Ends every open session of the person, on every instance, from their next request; open pages and hub
    /// connections close within <see cref="Nacars.Core.SecurityOptions.SessionCheckSeconds"/>.</summary>
    public async Task<int> EndSessionsAsync(string userId, string reason)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var open = await db.StaffSessions.Where(s => s.UserId == userId && s.EndedAtUtc == null).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var session in open) session.End(now, reason);
        await db.SaveChangesAsync();
        return open.Count;
    }

    /// <summary>Lifts a lock put on after failed sign-ins from many connections (or by the second step).</summary>
    public Task UnlockAsync(string userId) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        if (user.Disabled) throw new InvalidOperationException("The account is disabled: enable it instead.");
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    });

    /// <summary>Changes someone else's roles: no one changes their own (an administrator could otherwise make
    /// themselves an analyst and read reporters' accounts).</summary>
    public Task SetRolesAsync(string userId, IReadOnlyCollection<string> wanted, string changedBy) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        if (string.Equals(user.UserName, changedBy, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("You cannot change your own roles: ask another administrator.");
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
        Check(await users.AddToRolesAsync(user, wanted.Except(current)));
        Check(await users.UpdateSecurityStampAsync(user));
        await EndSessionsAsync(user.Id, "roles changed"); // they sign in again with the new roles
    });

    /// <summary>Disabling locks the account for good and ends its open sessions at once.</summary>
    public Task SetDisabledAsync(string userId, bool disabled) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        user.Disabled = disabled;
        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        if (disabled) await EndSessionsAsync(user.Id, "account disabled");
    });

    public Task ResetMfaAsync(string userId) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await EndSessionsAsync(user.Id, "authenticator reset");
    });

    /// <summary>An admin helps someone who forgot their password (staff are never reset by email): the result is a
    /// one-time set-up code, to pass on in person or by phone, that opens only the page where its owner sets a password
    /// of their own; the old authenticator is removed, so the owner also enrols a new one. The admin never holds a
    /// password that opens a staff page, and every open session of the account ends.</summary>
    public Task<string> ResetPasswordAsync(string userId) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        var code = GeneratePassword();
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, code));
        user.MustSetPassword = true;
        Check(await users.UpdateAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetLockoutEndDateAsync(user, user.Disabled ? DateTimeOffset.MaxValue : null));
        Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await EndSessionsAsync(user.Id, "password reset");
        return code;
    });

    /// <summary>A password a person can type: four groups of Crockford symbols, about 100 bits.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = Nacars.Core.Contacts.Reference.Alphabet;
        var chars = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return string.Join("-", chars.Chunk(5).Select(c => new string(c))).ToLowerInvariant() + "-Nx";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
