using Microsoft.EntityFrameworkCore;
using Nacars.Core.Contacts;
using Nacars.Core.Data;

namespace Nacars.Core.Staff;

/// <summary>
/// Who holds which role, read from the database by the services themselves: a page hides what a person may not do,
/// but the service refuses it too (an analyst's circuit could call any method its page can reach).
/// </summary>
public static class StaffRoles
{
    /// <summary>Throws unless <paramref name="userName"/> is an enabled member of staff in <paramref name="role"/>.</summary>
    public static Task RequireAsync(NacarsDbContext db, string userName, string role, string doing, CancellationToken ct) =>
        RequireAnyAsync(db, userName, [role], doing, ct);

    /// <summary>The same, on a context of its own, for a service that checks before it opens one.</summary>
    public static async Task RequireAsync(IDbContextFactory<NacarsDbContext> dbFactory, string userName, string role, string doing, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireAnyAsync(db, userName, [role], doing, ct);
    }

    /// <summary>Throws unless <paramref name="userName"/> is an enabled member of staff in one of <paramref name="roles"/>.</summary>
    public static async Task RequireAnyAsync(NacarsDbContext db, string userName, IReadOnlyCollection<string> roles, string doing, CancellationToken ct)
    {
        if (!await HasAnyAsync(db, userName, roles, ct))
            throw new DomainRuleException($"Not allowed: only {string.Join(" or ", roles.Select(Describe))} can {doing}.");
    }

    public static Task<bool> HasAsync(NacarsDbContext db, string userName, string role, CancellationToken ct) =>
        HasAnyAsync(db, userName, [role], ct);

    private static Task<bool> HasAnyAsync(NacarsDbContext db, string userName, IReadOnlyCollection<string> roles, CancellationToken ct) =>
        (from user in db.Users
         join link in db.UserRoles on user.Id equals link.UserId
         join r in db.Roles on link.RoleId equals r.Id
         where user.UserName == userName && !user.Disabled && roles.Contains(r.Name!)
         select user.Id).AnyAsync(ct);

    /// <summary>Enabled analysts, those signed in now first: the people a contact can be given to.</summary>
    public static async Task<IReadOnlyList<(string UserName, string DisplayName, bool SignedIn)>> AnalystsAsync(NacarsDbContext db, DateTime activeSinceUtc, CancellationToken ct)
    {
        var analysts = await (from user in db.Users
                              join link in db.UserRoles on user.Id equals link.UserId
                              join r in db.Roles on link.RoleId equals r.Id
                              where r.Name == Roles.Analyst && !user.Disabled
                              select new
                              {
                                  user.UserName, user.DisplayName,
                                  SignedIn = db.StaffSessions.Any(s => s.UserId == user.Id && s.EndedAtUtc == null && s.LastSeenAtUtc >= activeSinceUtc),
                              }).ToListAsync(ct);
        return [.. analysts.OrderByDescending(a => a.SignedIn).ThenBy(a => a.DisplayName).Select(a => (a.UserName!, a.DisplayName, a.SignedIn))];
    }

    private static string Describe(string role) => role switch
    {
        Roles.CallHandler => "a call handler",
        Roles.Analyst or Roles.Admin => "an " + role.ToLowerInvariant(),
        var other => "a " + other.ToLowerInvariant(),
    };
}
