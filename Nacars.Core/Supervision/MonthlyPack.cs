namespace Nacars.Core.Supervision;

/// <summary>What a force's monthly pack says: last month's contacts about the force, what was sent and what not (by
/// reason, never by reference), urgent reports and fast-time calls, how fast the force acknowledged, what came of them,
/// and the national rate beside the pilot's. No reporter detail.</summary>
/// <param name="Month">The UK month it covers, "2026-11".</param>
/// <param name="Contacts">Contacts received in the month whose force is this force (decided or not).</param>
/// <param name="NotDisseminated">Decided not to disseminate, by reason label; counts only.</param>
/// <param name="AcknowledgedWorkingHours">Median and 90th percentile of working hours from sending to the force's first
/// reply, over the acknowledged reports; null when none was acknowledged.</param>
/// <param name="NationalRate">Share of all contacts received nationally in the month that were disseminated (0–1).</param>
public sealed record MonthlyPack(
    string ForceCode, string ForceName, string Month, DateTime PreparedAtUtc, string ServiceName, string QueriesContact,
    int Contacts, int Disseminated, IReadOnlyList<PackCount> NotDisseminated, int Urgent, int FastTimeCalls,
    int Acknowledged, double? MedianAcknowledgeWorkingHours, double? P90AcknowledgeWorkingHours, int RemindersSent,
    IReadOnlyList<PackCount> Outcomes, IReadOnlyList<PackReport> Reports, double NationalRate, double PilotRate)
{
    /// <summary>The attachment's file name: "NACARS-monthly-pack-AS-2026-11.pdf".</summary>
    public string FileName => $"NACARS-monthly-pack-{ForceCode}-{Month}.pdf";
}
