namespace Nacars.Core.Intake;

/// <summary>What a reporter (or a call handler for a caller) sees after giving the right reference and follow-up code.</summary>
public sealed record ReporterDialogue(string Reference, IReadOnlyList<ReporterQuestionView> Questions);
