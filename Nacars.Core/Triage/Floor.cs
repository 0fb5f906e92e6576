using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;

namespace Nacars.Core.Triage;

/// <summary>An open contact as the floor sees it: no account, nothing about the reporter.</summary>
public sealed record OpenContact(string Reference, DateTime ReceivedAtUtc, bool Urgent, ContactStatus Status, string? ClaimedBy, bool FastTimeCallLogged);

/// <summary>How late an open contact is against the queue's amber and red settings.</summary>
public enum Lateness { OnTime, Amber, Red }

/// <summary>
/// The state of the triage floor at one moment: open work, today's decisions and arrivals, and the outbox. Read from
/// the open contacts, today's running totals and the outbox's indexes, never by counting every contact; ages and
/// breaches are then arithmetic on the clock (<see cref="At"/>), so a wallboard can tick without asking the database.
/// </summary>
public sealed record FloorSnapshot(
    IReadOnlyList<OpenContact> Open,
    int DisseminatedToday,
    int NotDisseminatedToday,
    int ReceivedToday,
    int ReceivedSameDayLastWeek,
    int OutboxQueued,
    /// <summary>Retrying after a failed attempt, or failed for good (a person must act).</summary>
    int OutboxFailing,
    /// <summary>Still not accepted after the attempts allowed: an alarm.</summary>
    int OutboxStuck,
    /// <summary>Contacts with information from the reporter no analyst has read, decided ones included (ADR 0011).</summary>
    int NewInformation = 0)
{
    public int New => Open.Count(c => c.Status == ContactStatus.New);
    public int InTriage => Open.Count(c => c.Status == ContactStatus.InTriage);

    /// <summary>The figures a person reads off the floor at <paramref name="nowUtc"/>.</summary>
    public FloorFigures At(DateTime nowUtc, TriageOptions thresholds)
    {
        TimeSpan? Oldest(IEnumerable<OpenContact> contacts) => contacts.Select(c => (DateTime?)c.ReceivedAtUtc).Min() is { } at ? nowUtc - at : null;
        var late = Open.Select(c => (Contact: c, Lateness: LatenessOf(c, nowUtc, thresholds))).Where(x => x.Lateness != Lateness.OnTime).ToList();
        return new FloorFigures(
            New, InTriage,
            Oldest(Open.Where(c => c.ClaimedBy is null)),
            Oldest(Open.Where(c => c.Urgent)),
            Open.Where(c => c.Urgent && !c.FastTimeCallLogged).OrderBy(c => c.ReceivedAtUtc).ToList(),
            late.Count(x => x.Lateness == Lateness.Amber), late.Count(x => x.Lateness == Lateness.Red),
            late.Where(x => x.Contact.Urgent && x.Contact.ClaimedBy is null).Select(x => x.Contact).OrderBy(c => c.ReceivedAtUtc).ToList(),
            Open.Where(c => c.ClaimedBy is not null).GroupBy(c => c.ClaimedBy!).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g => new AnalystWork(g.Key, g.OrderByDescending(c => c.Urgent).ThenBy(c => c.ReceivedAtUtc).ToList())).ToList());
    }

    /// <summary>Urgent contacts go amber and red in minutes, others in hours, by the queue's settings. The same rule
    /// colours the age on the queue.</summary>
    public static Lateness LatenessOf(OpenContact contact, DateTime nowUtc, TriageOptions t) =>
        LatenessOf(contact.Urgent, nowUtc - contact.ReceivedAtUtc, t);

    public static Lateness LatenessOf(bool urgent, TimeSpan age, TriageOptions t) => urgent
        ? age.TotalMinutes >= t.UrgentRedMinutes ? Lateness.Red : age.TotalMinutes >= t.UrgentAmberMinutes ? Lateness.Amber : Lateness.OnTime
        : age.TotalHours >= t.NormalRedHours ? Lateness.Red : age.TotalHours >= t.NormalAmberHours ? Lateness.Amber : Lateness.OnTime;
}

public sealed record AnalystWork(string Analyst, IReadOnlyList<OpenContact> Contacts);

public sealed record FloorFigures(
    int New,
    int InTriage,
    TimeSpan? OldestUnclaimed,
    TimeSpan? OldestUrgent,
    IReadOnlyList<OpenContact> AwaitingFastTimeCall,
    int AmberBreaches,
    int RedBreaches,
    IReadOnlyList<OpenContact> UrgentUnclaimedBreaches,
    IReadOnlyList<AnalystWork> WhoIsOnWhat);

/// <summary>Reads the <see cref="FloorSnapshot"/> for the wallboard.</summary>
public sealed class Floor(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<FloorSnapshot> SnapshotAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(UkTime.FromUtc(now));
        var todayStartUtc = UkTime.ToUtc(today.ToDateTime(TimeOnly.MinValue));

        var open = await db.Contacts.AsNoTracking()
            .Where(c => c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage)
            .OrderBy(c => c.ReceivedAtUtc)
            .Select(c => new OpenContact(c.Reference, c.ReceivedAtUtc, c.Urgent, c.Status, c.ClaimedBy, c.FastTimeCall != null))
            .ToListAsync(ct);
        var decided = await db.Contacts.Where(c => c.DecidedAtUtc >= todayStartUtc)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var lastWeek = today.AddDays(-7);
        var received = await db.ForceDayFigures.Where(f => f.Day == today || f.Day == lastWeek)
            .GroupBy(f => f.Day).Select(g => new { Day = g.Key, Received = g.Sum(f => f.Received) }).ToListAsync(ct);
        var newInformation = await db.Contacts.CountAsync(c => c.NewInformationAtUtc != null, ct);
        var outbox = await db.OutboxMessages.Where(m => m.State != OutboxState.Sent)
            .GroupBy(m => new { m.State, Retrying = m.Attempts > 0 }).Select(g => new { g.Key.State, g.Key.Retrying, Count = g.Count() }).ToListAsync(ct);

        return new FloorSnapshot(open,
            decided.Where(d => d.Key == ContactStatus.Disseminated).Sum(d => d.Count),
            decided.Where(d => d.Key == ContactStatus.NotDisseminated).Sum(d => d.Count),
            received.Where(r => r.Day == today).Sum(r => r.Received),
            received.Where(r => r.Day == lastWeek).Sum(r => r.Received),
            outbox.Where(o => o.State is OutboxState.Queued or OutboxState.Sending).Sum(o => o.Count),
            outbox.Where(o => (o.State is OutboxState.Queued or OutboxState.Sending && o.Retrying) || o.State == OutboxState.Failed).Sum(o => o.Count),
            outbox.Where(o => o.State == OutboxState.Stuck).Sum(o => o.Count),
            newInformation);
    }
}
