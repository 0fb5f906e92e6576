using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;

namespace Nacars.Core.Forces;

/// <summary>Bank holidays per nation: whether a force's office is open today, and the admin's list to keep right.
/// Every change is audited.</summary>
public sealed class BankHolidayCalendar(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Adds the data file's dates that the table does not hold yet (a date an admin removed is kept,
    /// marked removed, so it is not added again). Returns how many were added.</summary>
    public static async Task<int> SeedAsync(NacarsDbContext db, CancellationToken ct)
    {
        var known = (await db.BankHolidays.Select(h => new { h.Nation, h.Date }).ToListAsync(ct)).Select(h => (h.Nation, h.Date)).ToHashSet();
        var missing = BankHoliday.FromDataFile().Where(h => !known.Contains((h.Nation, h.Date))).ToList();
        if (missing.Count == 0) return 0;
        db.BankHolidays.AddRange(missing);
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    /// <summary>A force's working time: its office hours without its nation's bank holidays (removed ones excepted).</summary>
    public static async Task<WorkingTime> OfficeHoursAsync(NacarsDbContext db, string forceCode, CancellationToken ct)
    {
        var force = await db.Forces.AsNoTracking().SingleAsync(f => f.Code == forceCode, ct);
        var nation = force.Nation;
        var holidays = await db.BankHolidays.AsNoTracking().Where(h => h.Nation == nation && !h.Removed).Select(h => h.Date).ToListAsync(ct);
        return WorkingTime.Of(force, holidays.ToHashSet());
    }

    public async Task<bool> IsBankHolidayAsync(Nation nation, DateOnly ukDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BankHolidays.AnyAsync(h => h.Nation == nation && h.Date == ukDate && !h.Removed, ct);
    }

    /// <summary>The holidays from the start of <paramref name="fromYear"/>, removed ones included (they show as removed).</summary>
    public async Task<IReadOnlyList<BankHoliday>> ListAsync(int fromYear, CancellationToken ct = default)
    {
        var from = new DateOnly(fromYear, 1, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BankHolidays.AsNoTracking().Where(h => h.Date >= from).OrderBy(h => h.Nation).ThenBy(h => h.Date).ToListAsync(ct);
    }

    public async Task AddAsync(Nation nation, DateOnly date, string name, string admin, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Give the bank holiday a name.");
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            throw new DomainRuleException($"{date:d MMMM yyyy} is a {date.DayOfWeek}: office hours already treat it as closed.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Staff.StaffRoles.RequireAsync(db, admin, Staff.Roles.Admin, "change the bank holidays", ct);
        var existing = await db.BankHolidays.SingleOrDefaultAsync(h => h.Nation == nation && h.Date == date, ct);
        if (existing is { Removed: false }) throw new DomainRuleException($"{date:d MMMM yyyy} is already a bank holiday in {BankHoliday.Describe(nation)}.");
        if (existing is null) db.BankHolidays.Add(new BankHoliday(nation, date, name, admin));
        else existing.Restore(name, admin);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow().UtcDateTime, admin, AuditActions.BankHolidayChanged, null,
            $"added {BankHoliday.Describe(nation)} {date:yyyy-MM-dd} {name.Trim()}"));
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(Nation nation, DateOnly date, string admin, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Staff.StaffRoles.RequireAsync(db, admin, Staff.Roles.Admin, "change the bank holidays", ct);
        var holiday = await db.BankHolidays.SingleOrDefaultAsync(h => h.Nation == nation && h.Date == date && !h.Removed, ct)
            ?? throw new DomainRuleException($"{date:d MMMM yyyy} is not a bank holiday in {BankHoliday.Describe(nation)}.");
        holiday.Remove(admin);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow().UtcDateTime, admin, AuditActions.BankHolidayChanged, null,
            $"removed {BankHoliday.Describe(nation)} {date:yyyy-MM-dd} {holiday.Name}"));
        await db.SaveChangesAsync(ct);
    }
}
