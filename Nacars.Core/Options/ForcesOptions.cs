namespace Nacars.Core;

/// <summary>What the service expects of forces once a report is sent (Nacars:Forces).</summary>
public sealed class ForcesOptions
{
    /// <summary>Working days (of the force's office hours, its nation's bank holidays excluded) within which the force
    /// should acknowledge a report; past it, one reminder goes in the report's thread.</summary>
    public double AcknowledgeWithinWorkingDays { get; set; } = 2;
    /// <summary>The same for an urgent report, in working hours.</summary>
    public double UrgentAcknowledgeWithinWorkingHours { get; set; } = 4;
    /// <summary>How often the reminder job looks for reports past their time.</summary>
    public int ReminderCheckSeconds { get; set; } = 60;
    /// <summary>Send each force its monthly pack on the first working day of the month, from this UK hour.</summary>
    public bool SendMonthlyPacks { get; set; } = true;
    public int MonthlyPackHour { get; set; } = 7;
}
