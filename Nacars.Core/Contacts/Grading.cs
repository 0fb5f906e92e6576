namespace Nacars.Core.Contacts;

/// <summary>The 3x5x2 grading the force receives, written the way forces read it: "2 · B · P".</summary>
public sealed record Grading(SourceEvaluation Source, IntelligenceAssessment Assessment, HandlingCode Handling, string? HandlingConditions)
{
    /// <summary>This grading, or a refusal an analyst can read: codes out of range, or handling code C without its conditions.</summary>
    public Grading Checked()
    {
        if (!Enum.IsDefined(Source)) throw new DomainRuleException("The source evaluation is 1, 2 or 3.");
        if (!Enum.IsDefined(Assessment)) throw new DomainRuleException("The intelligence assessment is A to E.");
        if (Handling == HandlingCode.C && string.IsNullOrWhiteSpace(HandlingConditions)) throw new DomainRuleException("Handling code C needs the conditions written down.");
        return this;
    }

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
