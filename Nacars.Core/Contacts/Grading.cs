namespace Nacars.Core.Contacts;

/// <summary>The 3x5x2 grading the force receives, written the way forces read it: "2 · B · P".</summary>
public sealed record Grading(SourceEvaluation Source, IntelligenceAssessment Assessment, HandlingCode Handling, string? HandlingConditions)
{
    public override string ToString() => $"{(int)Source} · {Assessment} · {Handling}";

    /// <summary>The grading with the meaning of each code, for the information report.</summary>
    public string Described() => $"{this}  (source: {Describe(Source)}; information: {Describe(Assessment)})";

    public static string Describe(SourceEvaluation source) => source switch
    {
        SourceEvaluation.Reliable => "1, reliable",
        SourceEvaluation.Untested => "2, untested",
        _ => "3, not reliable",
    };

    public static string Describe(IntelligenceAssessment assessment) => assessment switch
    {
        IntelligenceAssessment.A => "A, known directly to the source",
        IntelligenceAssessment.B => "B, known indirectly to the source but corroborated",
        IntelligenceAssessment.C => "C, known indirectly to the source",
        IntelligenceAssessment.D => "D, not known",
        _ => "E, suspected to be false",
    };
}
