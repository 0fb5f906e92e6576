namespace Nacars.Core;

/// <summary>The supervisors' daily summary (<see cref="DailySummary"/>).</summary>
public sealed class DailySummaryOptions
{
    /// <summary>Who receives it, through the outbox like any report (in Production, addresses within
    /// <c>Nacars:Mail:AllowedRecipientDomains</c>). Empty: no summary is sent.</summary>
    public string[] To { get; set; } = [];
    /// <summary>When it is sent, in UK local time, about the day before.</summary>
    public TimeOnly At { get; set; } = new(7, 0);
}
