using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nacars.Core.Contacts;
using Nacars.Core.Data;

namespace Nacars.Core.Triage;

/// <summary>
/// Finds contacts for the queue and for search, across every status and date, a page at a time. Each query reads an
/// index that suits it; nothing here counts every contact the service has ever received.
/// </summary>
public sealed class ContactSearch(IDbContextFactory<NacarsDbContext> dbFactory, IdentifierHasher hasher, IOptions<NacarsOptions> options, TimeProvider clock)
{
    public int PageSize => Math.Max(1, options.Value.Triage.QueuePageSize);

    /// <summary>One page of the contacts the filter matches, in the view's order, and how many match in all.</summary>
    public async Task<QueuePage> SearchAsync(QueueFilter filter, QueueCursor? after = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = Where(db, filter);
        var total = await matching.CountAsync(ct);
        var page = After(matching, filter, after);
        var ordered = filter.WorkOrder
            ? page.OrderByDescending(c => c.Urgent).ThenBy(c => c.ReceivedAtUtc).ThenBy(c => c.Reference)
            : page.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Reference);
        var items = await ToItems(ordered.Take(PageSize + 1)).ToListAsync(ct);
        var next = items.Count > PageSize ? QueueCursor.After(items[PageSize - 1]) : null;
        return new QueuePage(items.Take(PageSize).ToList(), total, next);
    }

    public async Task<int> CountAsync(QueueFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Where(db, filter).CountAsync(ct);
    }

    /// <summary>The given contacts as they stand now, those the filter still matches (a live update: one query for
    /// every contact a batch of events touched).</summary>
    public async Task<IReadOnlyList<QueueItem>> ItemsAsync(IReadOnlyCollection<string> references, QueueFilter filter, CancellationToken ct = default)
    {
        if (references.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ToItems(Where(db, filter).Where(c => references.Contains(c.Reference))).ToListAsync(ct);
    }

    public async Task<QueueItem?> ItemAsync(string reference, CancellationToken ct = default) =>
        (await ItemsAsync([reference], new QueueFilter(StatusFilter.Any), ct)).SingleOrDefault();

    /// <summary>Open work by status and today's decisions: counts over the open contacts and today's, read from the
    /// indexes on status and decision time.</summary>
    public async Task<QueueCounts> CountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Contacts.Where(c => c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage)
            .GroupBy(c => new { c.Status, c.Urgent }).Select(g => new { g.Key.Status, g.Key.Urgent, Count = g.Count() }).ToListAsync(ct);
        var decidedToday = await TodaysCounts.DecidedCountSinceAsync(db, TodaysCounts.TodayStartUtc(clock), ct);
        var (withNews, decidedWithNews) = await TodaysCounts.WithNewInformationAsync(db, ct);
        return new QueueCounts(
            open.Where(o => o.Status == ContactStatus.New).Sum(o => o.Count),
            open.Where(o => o.Status == ContactStatus.InTriage).Sum(o => o.Count),
            open.Where(o => o.Urgent).Sum(o => o.Count),
            decidedToday,
            withNews,
            decidedWithNews);
    }

    /// <summary>Staff who work contacts (analysts and supervisors), for the analyst filter: by id, so a filtered
    /// view's address names nobody.</summary>
    public async Task<IReadOnlyList<StaffName>> AnalystsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string[] roles = [Staff.Roles.Analyst, Staff.Roles.Supervisor];
        return await (from u in db.Users
                      where db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!)))
                      orderby u.UserName
                      select new StaffName(u.Id, u.UserName!, u.DisplayName)).ToListAsync(ct);
    }

    private IQueryable<Contact> Where(NacarsDbContext db, QueueFilter f)
    {
        IQueryable<Contact> q = db.Contacts.AsNoTracking();
        foreach (var rule in QueueRules.Of(f)) q = q.Where(rule);
        q = WithIdentifier(db, q, IdentifierKinds.SubjectNumber, IdentifierKinds.NormaliseNumber(f.SubjectNumber), f.SubjectNumber);
        q = WithIdentifier(db, q, IdentifierKinds.SubjectSurname, IdentifierKinds.NormaliseSurname(f.SubjectSurname), f.SubjectSurname);
        return q;
    }

    private IQueryable<Contact> WithIdentifier(NacarsDbContext db, IQueryable<Contact> q, string kind, string? normalised, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return q;
        // Typed but nothing usable in it (a surname of one letter): nothing can match.
        if (normalised is null) return q.Where(_ => false);
        var hash = hasher.Hash(kind, normalised);
        return q.Where(c => db.ContactIdentifiers.Any(i => i.Kind == kind && i.Hash == hash && i.ContactId == c.Id));
    }

    private static IQueryable<Contact> After(IQueryable<Contact> q, QueueFilter f, QueueCursor? after)
    {
        if (after is null) return q;
        var (urgent, received, reference) = (after.Urgent, after.ReceivedAtUtc, after.Reference);
        return f.WorkOrder
            ? q.Where(c => (urgent && !c.Urgent)
                || (c.Urgent == urgent && (c.ReceivedAtUtc > received || (c.ReceivedAtUtc == received && c.Reference.CompareTo(reference) > 0))))
            : q.Where(c => c.ReceivedAtUtc < received || (c.ReceivedAtUtc == received && c.Reference.CompareTo(reference) < 0));
    }

    private static IQueryable<QueueItem> ToItems(IQueryable<Contact> contacts) => contacts.Select(c => new QueueItem(
        c.Reference, c.ReceivedAtUtc, c.Channel, c.Reported.ForceCode, c.ForceCode, c.Categories, c.Urgent, c.Status, c.ClaimedBy,
        c.FollowUps.Count, c.FastTimeCall != null, c.DecidedBy, c.NewInformationAtUtc != null, c.DecidedForceCode, c.ForceRepliedAtUtc != null));
}
