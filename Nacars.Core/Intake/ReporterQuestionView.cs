namespace Nacars.Core.Intake;

/// <summary>An analyst's question as the reporter sees it: never who asked.</summary>
public sealed record ReporterQuestionView(long Id, DateTime AskedAtUtc, string Text, bool Answered);
