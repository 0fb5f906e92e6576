using Microsoft.EntityFrameworkCore;
using Nacars.Core.Data;
using Nacars.Core.ForceFeedback;

namespace Nacars.Core.Supervision;

/// <summary>How forces answer, per force and month the contact was received (as the force × month grid counts):
/// acknowledged, how fast in working time, reminders and outcomes. Read from the period's sends and outcomes, which are
/// few beside the contacts, not from running totals.</summary>
public sealed class ForceFeedbackFigures(IDbContextFactory<NacarsDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ForceMonthFeedback>> MonthsAsync(StatsFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to) = (filter.FromUtc, filter.ToUtcExclusive);
        var sends = await db.Disseminations.AsNoTracking()
            .Where(d => d.DeliveredAtUtc != null && d.ContactReceivedAtUtc >= from && d.ContactReceivedAtUtc < to && (filter.ForceCode == null || d.ForceCode == filter.ForceCode))
            .Select(d => new { d.ContactId, d.ForceCode, d.ContactReceivedMonth, d.AcknowledgeWorkingMinutes, d.ReminderSentAtUtc })
            .ToListAsync(ct);
        var contactIds = sends.Select(s => s.ContactId).Distinct().ToList();
        var outcomes = await LatestOutcomesAsync(db, contactIds, ct);
        return sends.GroupBy(s => (s.ForceCode, Month: s.ContactReceivedMonth))
            .Select(g =>
            {
                var (median, p90) = AcknowledgementTimes.HoursOf(g.Where(s => s.AcknowledgeWorkingMinutes is not null).Select(s => s.AcknowledgeWorkingMinutes!.Value));
                var kinds = g.Select(s => outcomes.GetValueOrDefault((s.ContactId, s.ForceCode))).OfType<OutcomeKind>()
                    .GroupBy(k => k).ToDictionary(k => k.Key, k => k.Count());
                return new ForceMonthFeedback(g.Key.ForceCode, g.Key.Month, g.Count(), g.Count(s => s.AcknowledgeWorkingMinutes is not null), median, p90,
                    g.Count(s => s.ReminderSentAtUtc is not null), kinds);
            })
            .OrderBy(f => f.ForceCode).ThenBy(f => f.Month).ToList();
    }

    /// <summary>The newest outcome of each contact, per force it was sent to.</summary>
    internal static async Task<Dictionary<(Guid, string), OutcomeKind?>> LatestOutcomesAsync(NacarsDbContext db, IReadOnlyCollection<Guid> contactIds, CancellationToken ct)
    {
        var all = await db.ForceOutcomes.AsNoTracking().Where(o => contactIds.Contains(o.ContactId))
            .Select(o => new { o.ContactId, o.ForceCode, o.Kind, o.RecordedAtUtc }).ToListAsync(ct);
        return all.GroupBy(o => (o.ContactId, o.ForceCode)).ToDictionary(g => g.Key, g => (OutcomeKind?)g.MaxBy(o => o.RecordedAtUtc)!.Kind);
    }

    /// <summary>Sent reports past their reminder and still not acknowledged, oldest first.</summary>
    public async Task<IReadOnlyList<AwaitingAcknowledgement>> PastReminderAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from d in db.Disseminations.AsNoTracking()
                      where d.DeliveredAtUtc != null && d.AcknowledgedAtUtc == null && d.ReminderSentAtUtc != null
                      join c in db.Contacts on d.ContactId equals c.Id
                      orderby d.DeliveredAtUtc
                      select new AwaitingAcknowledgement(d.Reference, d.ForceCode, c.Urgent, d.DeliveredAtUtc!.Value, d.ReminderSentAtUtc)).Take(500).ToListAsync(ct);
    }
}
