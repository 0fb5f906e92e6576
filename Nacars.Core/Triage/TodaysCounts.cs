using Microsoft.EntityFrameworkCore;
using Nacars.Core.Contacts;
using Nacars.Core.Data;

namespace Nacars.Core.Triage;

/// <summary>The counts the triage queue's tiles and the wallboard both show, read one way: today's decisions (from the
/// index on decision time) and contacts with information no analyst has read (from the small index of just them).</summary>
internal static class TodaysCounts
{
    /// <summary>The start of today, UK time, as UTC.</summary>
    public static DateTime TodayStartUtc(TimeProvider clock) => UkTime.ToUtc(UkTime.FromUtc(clock.GetUtcNow().UtcDateTime).Date);

    /// <summary>How many were decided since then, counted from the index alone (the queue's tile).</summary>
    public static Task<int> DecidedCountSinceAsync(NacarsDbContext db, DateTime startUtc, CancellationToken ct) =>
        db.Contacts.CountAsync(c => c.DecidedAtUtc >= startUtc, ct);

    /// <summary>The same decisions by outcome (the wallboard's), which reads each decided row.</summary>
    public static async Task<(int Disseminated, int NotDisseminated)> DecidedSinceAsync(NacarsDbContext db, DateTime startUtc, CancellationToken ct)
    {
        var decided = await db.Contacts.Where(c => c.DecidedAtUtc >= startUtc)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return (decided.Where(d => d.Key == ContactStatus.Disseminated).Sum(d => d.Count),
            decided.Where(d => d.Key == ContactStatus.NotDisseminated).Sum(d => d.Count));
    }

    /// <summary>Contacts with new information: all of them, and those already decided (back in the open work by it).</summary>
    public static async Task<(int All, int Decided)> WithNewInformationAsync(NacarsDbContext db, CancellationToken ct)
    {
        var withNews = await db.Contacts.Where(c => c.NewInformationAtUtc != null)
            .GroupBy(c => c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage).Select(g => new { Open = g.Key, Count = g.Count() }).ToListAsync(ct);
        return (withNews.Sum(n => n.Count), withNews.Where(n => !n.Open).Sum(n => n.Count));
    }
}
