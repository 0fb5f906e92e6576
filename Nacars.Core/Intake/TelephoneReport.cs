namespace Nacars.Core.Intake;

/// <summary>A telephone report in progress: the public fields plus the call details.</summary>
public sealed class TelephoneReport
{
    public ReportSubmission Report { get; set; } = new();
    public DateTime? CallStartedAtUtc { get; set; }
    public bool AnonymityStatementRead { get; set; }
    public bool InterpreterUsed { get; set; }
}
