namespace Nacars.Core.ForceFeedback;

/// <summary>The words for each outcome, one place for pages, CSV and the monthly pack.</summary>
public static class OutcomeKinds
{
    public static string LabelOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.UnderAssessment => "Under assessment",
        OutcomeKind.NoFurtherAction => "No further action",
        OutcomeKind.IntelligenceRecorded => "Intelligence recorded",
        OutcomeKind.InvestigationOpened => "Investigation opened",
        OutcomeKind.MisconductProceedings => "Misconduct proceedings",
        OutcomeKind.CriminalInvestigation => "Criminal investigation",
        OutcomeKind.Charged => "Charged",
        _ => "Other",
    };
}
