namespace Nacars.Core.Contacts;

/// <summary>What an analyst decided about one detail the sanitisation guard flagged: redacted, or kept with a reason.</summary>
public sealed record ReporterFlagDecision(string FlagId, bool Kept, string? Reason, string By, DateTime AtUtc)
{
    /// <summary>A detail is kept only with the reason the force needs it and it cannot identify the reporter.</summary>
    public static ReporterFlagDecision Make(string flagId, bool keep, string? reason, string analyst, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(flagId)) throw new DomainRuleException("Which detail?");
        if (keep && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("Say why this detail can stay: what the force needs it for, and why it cannot identify the reporter.");
        return new(flagId, keep, keep ? reason!.Trim() : null, analyst, nowUtc);
    }
}
