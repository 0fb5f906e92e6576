namespace Nacars.Core.Assistance;

/// <summary>The subject's workplace as a contact's fields give it, read by the same recognisers as an account.</summary>
internal sealed record AnalysisWorkplace(string Text, IReadOnlyList<Candidate> Located)
{
    public static AnalysisWorkplace? Of(string? workplace) =>
        string.IsNullOrWhiteSpace(workplace) ? null : new AnalysisWorkplace(workplace, AccountAnalyser.Run(workplace, null).Located);
}
