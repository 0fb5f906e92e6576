using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
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

    /// <summary>The first administrator, from the command line of the server (whoever can run it already holds the
    /// database and the key ring), and the accounts of the demo: no second approval.</summary>
    public Task<NacarsUser> CreateFromCommandLineAsync(string email, string displayName, string password, IEnumerable<string> roleNames) =>
        WithUsersAsync((users, roles) => CreateAsync(users, roles, email, displayName, password, [.. roleNames], setUpCode: false));

    /// <summary>An administrator adds a member of staff. The password is a one-time set-up code to pass on: it opens only
    /// the page where its owner sets their own (see <see cref="ResetPasswordAsync"/>). A role that needs a second
    /// administrator's approval waits for it.</summary>
    public async Task<NacarsUser> CreateAsync(string email, string displayName, string setUpCode, string role, string admin)
    {
        await RequireAdminAsync(admin, "add a member of staff");
        var user = await WithUsersAsync(async (users, roles) =>
        {
            var elevated = Roles.NeedSecondApproval.Contains(role);
            var created = await CreateAsync(users, roles, email, displayName, setUpCode, elevated ? [] : [role], setUpCode: true);
            if (elevated) await RequestAsync(users, created, [role], admin);
            return created;
        });
        await AuditAsync(admin, AuditActions.UserCreated, $"created {email} as {role}{(Roles.NeedSecondApproval.Contains(role) ? " (awaiting a second administrator)" : "")}");
        return user;
    }

    private static async Task<NacarsUser> CreateAsync(UserManager<NacarsUser> users, RoleManager<IdentityRole> roles, string email, string displayName,
        string password, IReadOnlyList<string> wanted, bool setUpCode)
    {
        var unknown = wanted.FirstOrDefault(r => !Roles.All.Contains(r));
        if (unknown is not null) throw new ArgumentException($"'{unknown}' is not a role. Roles: {string.Join(", ", Roles.All)}.");
        await EnsureRolesAsync(roles);
        var user = new NacarsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, MustSetPassword = setUpCode };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, wanted));
        return user;
    }

    public sealed record StaffMember(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactor, bool LockedOut,
        int OpenSessions, DateTime? LastSeenAtUtc, IReadOnlyList<string> PendingRoles, string? PendingRolesBy);

    public async Task<IReadOnlyList<StaffMember>> AllAsync(string admin)
    {
        await RequireAdminAsync(admin, "list the staff");
        return await WithUsersAsync<IReadOnlyList<StaffMember>>(async (users, _) =>
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
                    user.TwoFactorEnabled, user.LockoutEnd > clock.GetUtcNow() && !user.Disabled, open.Count, open.Count > 0 ? open.Last : null,
                    Pending(user), user.PendingRolesBy));
            }
            return result;
        });
    }

    /// <summary>Ends every open session of the person, on every instance, from their next request; open pages and hub
    /// connections close within <see cref="Nacars.Core.SecurityOptions.SessionCheckSeconds"/>.</summary>
    public async Task<int> EndSessionsAsync(string userId, string admin)
    {
        await RequireAdminAsync(admin, "sign someone out");
        var ended = await EndSessionsOfAsync(userId, "signed out everywhere by an administrator");
        await AuditAsync(admin, AuditActions.StaffSessionsEnded, $"{await EmailOfAsync(userId)}: signed out everywhere");
        return ended;
    }

    private async Task<int> EndSessionsOfAsync(string userId, string reason)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var open = await db.StaffSessions.Where(s => s.UserId == userId && s.EndedAtUtc == null).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var session in open) session.End(now, reason);
        await db.SaveChangesAsync();
        return open.Count;
    }

    /// <summary>Lifts a lock put on after failed sign-ins from many connections (or by the second step).</summary>
    public Task UnlockAsync(string userId, string admin) => AsAdminAsync(admin, "lift a lock", userId, AuditActions.UserChanged, "lock lifted", async (users, user) =>
    {
        if (user.Disabled) throw new InvalidOperationException("The account is disabled: enable it instead.");
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    });

    /// <summary>Changes someone else's roles: no one changes their own (an administrator could otherwise make themselves
    /// an analyst and read reporters' accounts). Removals and the Analyst and CallHandler roles take effect at once;
    /// Supervisor and Admin wait for a second administrator (<see cref="ApproveRolesAsync"/>). True when something waits.</summary>
    public async Task<bool> SetRolesAsync(string userId, IReadOnlyCollection<string> wanted, string admin)
    {
        await RequireAdminAsync(admin, "change someone's roles");
        string[] elevated = [];
        var email = await WithUsersAsync(async (users, _) =>
        {
            var user = await FindOtherAsync(users, userId, admin, "You cannot change your own roles: ask another administrator.");
            var current = await users.GetRolesAsync(user);
            elevated = [.. wanted.Except(current).Where(Roles.NeedSecondApproval.Contains)];
            Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
            Check(await users.AddToRolesAsync(user, wanted.Except(current).Except(elevated)));
            if (elevated.Length > 0) await RequestAsync(users, user, elevated, admin);
            Check(await users.UpdateSecurityStampAsync(user));
            await EndSessionsOfAsync(user.Id, "roles changed"); // they sign in again with the new roles
            return user.Email;
        });
        await AuditAsync(admin, AuditActions.UserChanged, $"{email}: roles now {string.Join(", ", wanted.Except(elevated).DefaultIfEmpty("none"))}");
        if (elevated.Length > 0) await AuditAsync(admin, AuditActions.RolesRequested, $"{email}: {string.Join(", ", elevated)} asked for, awaiting a second administrator");
        return elevated.Length > 0;
    }

    /// <summary>A second administrator grants the roles another asked for: not the one who asked, nor the person themselves.</summary>
    public Task ApproveRolesAsync(string userId, string admin) =>
        AsAdminAsync(admin, "approve a role", userId, AuditActions.RolesApproved, "roles approved", async (users, user) =>
        {
            var pending = Pending(user);
            if (pending.Count == 0) throw new InvalidOperationException("Nothing is waiting for approval.");
            if (string.Equals(user.PendingRolesBy, admin, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("You asked for these roles: another administrator must approve them.");
            Check(await users.AddToRolesAsync(user, pending.Except(await users.GetRolesAsync(user))));
            (user.PendingRoles, user.PendingRolesBy, user.PendingRolesAtUtc) = (null, null, null);
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            await EndSessionsOfAsync(user.Id, "roles changed");
        });

    public Task RefuseRolesAsync(string userId, string admin) =>
        AsAdminAsync(admin, "refuse a role", userId, AuditActions.RolesRefused, "roles asked for were refused", async (users, user) =>
        {
            if (Pending(user).Count == 0) throw new InvalidOperationException("Nothing is waiting for approval.");
            (user.PendingRoles, user.PendingRolesBy, user.PendingRolesAtUtc) = (null, null, null);
            Check(await users.UpdateAsync(user));
        });

    private async Task RequestAsync(UserManager<NacarsUser> users, NacarsUser user, IEnumerable<string> roles, string admin)
    {
        (user.PendingRoles, user.PendingRolesBy, user.PendingRolesAtUtc) = (string.Join(",", Pending(user).Union(roles)), admin, clock.GetUtcNow().UtcDateTime);
        Check(await users.UpdateAsync(user));
    }

    private static IReadOnlyList<string> Pending(NacarsUser user) =>
        user.PendingRoles is { Length: > 0 } p ? p.Split(',', StringSplitOptions.RemoveEmptyEntries) : [];

    /// <summary>Disabling locks the account for good and ends its open sessions at once.</summary>
    public Task SetDisabledAsync(string userId, bool disabled, string admin) =>
        AsAdminAsync(admin, "disable an account", userId, AuditActions.UserChanged, disabled ? "disabled" : "enabled", async (users, user) =>
        {
            user.Disabled = disabled;
            user.LockoutEnabled = true;
            user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            if (disabled) await EndSessionsOfAsync(user.Id, "account disabled");
        }, notSelf: "You cannot disable your own account.");

    public Task ResetMfaAsync(string userId, string admin) =>
        AsAdminAsync(admin, "reset an authenticator", userId, AuditActions.StaffAuthenticatorReset, "authenticator reset (they set it up again at their next sign-in)", async (users, user) =>
        {
            Check(await users.SetTwoFactorEnabledAsync(user, false));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            await EndSessionsOfAsync(user.Id, "authenticator reset");
        });

    /// <summary>An admin helps someone who forgot their password (staff are never reset by email): the result is a
    /// one-time set-up code, to pass on in person or by phone, that opens only the page where its owner sets a password
    /// of their own; the old authenticator is removed, so the owner also enrols a new one. The admin never holds a
    /// password that opens a staff page, and every open session of the account ends.</summary>
    public async Task<string> ResetPasswordAsync(string userId, string admin)
    {
        var code = GeneratePassword();
        await AsAdminAsync(admin, "reset a password", userId, AuditActions.StaffPasswordReset, "password reset", async (users, user) =>
        {
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, code));
            user.MustSetPassword = true;
            Check(await users.UpdateAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, false));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.SetLockoutEndDateAsync(user, user.Disabled ? DateTimeOffset.MaxValue : null));
            Check(await users.ResetAccessFailedCountAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            await EndSessionsOfAsync(user.Id, "password reset");
        });
        return code;
    }

    /// <summary>One administrator's action on someone's account: the role checked here (not only by the page), the
    /// change made, and audited with the account's address.</summary>
    private async Task AsAdminAsync(string admin, string doing, string userId, string auditAction, string what,
        Func<UserManager<NacarsUser>, NacarsUser, Task> change, string? notSelf = null)
    {
        await RequireAdminAsync(admin, doing);
        var email = await WithUsersAsync(async (users, _) =>
        {
            var user = notSelf is null
                ? await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.")
                : await FindOtherAsync(users, userId, admin, notSelf);
            await change(users, user);
            return user.Email;
        });
        await AuditAsync(admin, auditAction, $"{email}: {what}");
    }

    private static async Task<NacarsUser> FindOtherAsync(UserManager<NacarsUser> users, string userId, string admin, string refusal)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new ArgumentException("No such user.");
        if (string.Equals(user.UserName, admin, StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException(refusal);
        return user;
    }

    private Task RequireAdminAsync(string admin, string doing) => StaffRoles.RequireAsync(dbFactory, admin, Roles.Admin, doing, CancellationToken.None);

    private async Task<string?> EmailOfAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync();
    }

    private async Task AuditAsync(string admin, string action, string detail)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow().UtcDateTime, admin, action, null, detail));
        await db.SaveChangesAsync();
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
