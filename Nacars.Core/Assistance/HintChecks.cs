namespace Nacars.Core.Assistance;

/// <summary>The checks a hint can be about (the threshold checklist's words, plus urgency).</summary>
public static class HintChecks
{
    public const string Corroborable = "corroborable";
    public const string AboutPolice = "about-police";
    public const string NotPersonalComplaint = "not-personal-complaint";
    public const string Urgent = "urgent";
}
