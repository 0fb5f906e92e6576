using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Features.Admin;

/// <summary>Creates and manages staff accounts: the first admin from the command line, demo users in Development, and
/// users an admin adds. Each operation uses its own scope (its own user store), so an admin page open for hours never
/// writes back a stale copy of an account that has signed in since.</summary>
public sealed class StaffAccounts(IServiceScopeFactory scopes)
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

    public Task<NacarsUser> CreateAsync(string email, string displayName, string password, IEnumerable<string> roleNames) => WithUsersAsync(async (users, roles) =>
    {
        var wanted = roleNames.ToList();
        var unknown = wanted.FirstOrDefault(r => !Roles.All.Contains(r));
        if (unknown is not null) throw new ArgumentException($"'{unknown}' is not a role. Roles: {string.Join(", ", Roles.All)}.");
        await EnsureRolesAsync(roles);
        var user = new NacarsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, wanted));
        return user;
    });

    public sealed record StaffMember(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactor, bool LockedOut);

    public Task<IReadOnlyList<StaffMember>> AllAsync() => WithUsersAsync<IReadOnlyList<StaffMember>>(async (users, _) =>
    {
        var result = new List<StaffMember>();
        foreach (var user in users.Users.OrderBy(u => u.Email).ToList())
            result.Add(new StaffMember(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)], user.Disabled,
                user.TwoFactorEnabled, user.LockoutEnd > DateTimeOffset.UtcNow && !user.Disabled));
        return result;
    });

    public Task SetRolesAsync(string userId, IReadOnlyCollection<string> wanted) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
        Check(await users.AddToRolesAsync(user, wanted.Except(current)));
        Check(await users.UpdateSecurityStampAsync(user)); // open sessions pick up the new roles
    });

    /// <summary>Disabling locks the account for good and changes the security stamp, so open sessions end within a minute.</summary>
    public Task SetDisabledAsync(string userId, bool disabled) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        user.Disabled = disabled;
        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    });

    public Task ResetMfaAsync(string userId) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    });

    /// <summary>An admin sets a new password for someone who forgot theirs (staff are never reset by email). Open
    /// sessions end; the password is shown to the admin once, to pass on in person or by phone.</summary>
    public Task<string> ResetPasswordAsync(string userId) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        var password = GeneratePassword();
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        Check(await users.SetLockoutEndDateAsync(user, user.Disabled ? DateTimeOffset.MaxValue : null));
        Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        return password;
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
