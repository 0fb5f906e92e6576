using Nacars.Core.Contacts;

namespace Nacars.Core.Supervision;

/// <summary>A period in UK dates (inclusive), optionally one force.</summary>
public sealed record StatsFilter(DateOnly From, DateOnly To, string? ForceCode = null)
{
    public DateTime FromUtc => UkTime.ToUtc(From.ToDateTime(TimeOnly.MinValue));
    public DateTime ToUtcExclusive => UkTime.ToUtc(To.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static StatsFilter LastTwelveMonths(DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(UkTime.FromUtc(nowUtc));
        return new StatsFilter(today.AddMonths(-12).AddDays(1), today);
    }
}
