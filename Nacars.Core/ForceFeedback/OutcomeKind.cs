namespace Nacars.Core.ForceFeedback;

/// <summary>What a force says came of a report: a fixed list, so the figures add up across forces.</summary>
public enum OutcomeKind
{
    UnderAssessment,
    NoFurtherAction,
    IntelligenceRecorded,
    InvestigationOpened,
    MisconductProceedings,
    CriminalInvestigation,
    Charged,
    Other,
}
