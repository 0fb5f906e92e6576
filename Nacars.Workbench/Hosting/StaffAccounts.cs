using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Hosting;

/// <summary>Creates staff accounts: the first admin from the command line, demo users in Development, and users
/// an admin adds.</summary>
public sealed class StaffAccounts(UserManager<NacarsUser> users, RoleManager<IdentityRole> roles)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
    }

    public async Task<NacarsUser> CreateAsync(string email, string displayName, string password, IEnumerable<string> roleNames)
    {
        var wanted = roleNames.ToList();
        var unknown = wanted.FirstOrDefault(r => !Roles.All.Contains(r));
        if (unknown is not null) throw new ArgumentException($"'{unknown}' is not a role. Roles: {string.Join(", ", Roles.All)}.");
        await EnsureRolesAsync();
        var user = new NacarsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, wanted));
        return user;
    }

    public sealed record StaffMember(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactor, bool LockedOut);

    public async Task<IReadOnlyList<StaffMember>> AllAsync()
    {
        var result = new List<StaffMember>();
        foreach (var user in users.Users.OrderBy(u => u.Email).ToList())
            result.Add(new StaffMember(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)], user.Disabled,
                user.TwoFactorEnabled, user.LockoutEnd > DateTimeOffset.UtcNow && !user.Disabled));
        return result;
    }

    public async Task SetRolesAsync(string userId, IReadOnlyCollection<string> wanted)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
        Check(await users.AddToRolesAsync(user, wanted.Except(current)));
        Check(await users.UpdateSecurityStampAsync(user)); // open sessions pick up the new roles
    }

    /// <summary>Disabling locks the account for good and changes the security stamp, so open sessions end within a minute.</summary>
    public async Task SetDisabledAsync(string userId, bool disabled)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        user.Disabled = disabled;
        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task ResetMfaAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

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
