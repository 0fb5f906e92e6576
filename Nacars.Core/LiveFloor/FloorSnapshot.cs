using Nacars.Core.Triage;
using Nacars.Core.Contacts;

namespace Nacars.Core.LiveFloor;

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
    int NewInformation = 0,
    /// <summary>Urgent reports sent within the reminder window that the force has not acknowledged yet.</summary>
    int UrgentUnacknowledged = 0)
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
