namespace Nacars.Core.Intake;

/// <summary>Thrown when a submission breaks the rules; nothing has been saved.</summary>
public sealed class ReportRejectedException(IReadOnlyList<ValidationProblem> problems)
    : Exception("The report has problems: " + string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
