using Nacars.Core.Contacts;

namespace Nacars.Core.Supervision;

/// <summary>Running totals of the contacts received for one force on one UK day, as they stand now. The supervisors'
/// page sums a few thousand of these rows instead of counting a million contacts (ADR 0008).</summary>
public sealed class ForceDayFigures
{
    public string ForceCode { get; set; } = "";
    /// <summary>The UK day the contacts were received.</summary>
    public DateOnly Day { get; set; }
    /// <summary>The UK month of <see cref="Day"/> ("2026-11"), so the monthly series is a GROUP BY on a column.</summary>
    public string Month { get; set; } = "";
    public int Received { get; set; }
    public int Open { get; set; }
    public int Disseminated { get; set; }
    public int NotDisseminated { get; set; }
    public int Urgent { get; set; }
    public int InsufficientDetail { get; set; }
    public int NotAboutPolice { get; set; }
    public int PersonalComplaint { get; set; }
    public int Duplicate { get; set; }
    public int MaliciousOrTest { get; set; }
    public int OtherReason { get; set; }
    /// <summary>Contacts received that day whose first information report to this force has been sent (the
    /// timeliness figures need how many there are before they read the ranked ones).</summary>
    public int FirstSent { get; set; }
    /// <summary>Contacts received that day, decided for another force, that were re-routed to this one as well.</summary>
    public int ReroutedIn { get; set; }
    /// <summary>Contacts received that day, decided for this force, that were re-routed to another (each re-route once).</summary>
    public int ReroutedOut { get; set; }

    /// <summary>The counted columns, in the order <see cref="SupervisionFiguresChange"/> keeps them.</summary>
    internal static readonly string[] Counts =
    [
        nameof(Received), nameof(Open), nameof(Disseminated), nameof(NotDisseminated), nameof(Urgent),
        nameof(InsufficientDetail), nameof(NotAboutPolice), nameof(PersonalComplaint), nameof(Duplicate), nameof(MaliciousOrTest), nameof(OtherReason),
        nameof(FirstSent), nameof(ReroutedIn), nameof(ReroutedOut),
    ];

    private static int Column(string name) => Array.IndexOf(Counts, name);

    internal static readonly int ReceivedColumn = Column(nameof(Received)), OpenColumn = Column(nameof(Open)),
        DisseminatedColumn = Column(nameof(Disseminated)), NotDisseminatedColumn = Column(nameof(NotDisseminated)),
        UrgentColumn = Column(nameof(Urgent)), FirstSentColumn = Column(nameof(FirstSent)),
        ReroutedInColumn = Column(nameof(ReroutedIn)), ReroutedOutColumn = Column(nameof(ReroutedOut));

    /// <summary>The column that counts contacts not disseminated for a reason.</summary>
    internal static int ReasonColumn(NotDisseminatedReason reason) => Column(reason switch
    {
        NotDisseminatedReason.InsufficientDetail => nameof(InsufficientDetail),
        NotDisseminatedReason.NotAboutPolice => nameof(NotAboutPolice),
        NotDisseminatedReason.PersonalComplaint => nameof(PersonalComplaint),
        NotDisseminatedReason.Duplicate => nameof(Duplicate),
        NotDisseminatedReason.MaliciousOrTest => nameof(MaliciousOrTest),
        NotDisseminatedReason.Other => nameof(OtherReason),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "A reason without a column in ForceDayFigures."),
    });
}
