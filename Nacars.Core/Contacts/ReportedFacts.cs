namespace Nacars.Core.Contacts;

/// <summary>
/// What the reporter said, as received from the online form or keyed in by a call handler. Triage never changes it
/// (it keeps its own force, categories and subject on the contact). Retention builds the purged and minimised forms
/// from the few facts the figures count, never by clearing named fields, so a field added here later is forgotten by
/// construction. Account, HowKnown, where, when and the reporter's and subject's details are encrypted at rest.
/// </summary>
public sealed record ReportedFacts
{
    public const string PurgedText = "[purged under the retention schedule]";
    public const string MinimisedText = "[original account minimised under the retention schedule; the sanitised account is what the force received]";

    public required string Account { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string ForceCode { get; init; } = Contact.UnknownForce;
    public SubjectDetails Subject { get; init; } = SubjectDetails.None;
    public string? WhenHappened { get; init; }
    public string? WhereHappened { get; init; }
    public string? HowKnown { get; init; }
    public bool ImmediateDanger { get; init; }
    public ReporterDetails Reporter { get; init; } = ReporterDetails.Anonymous;
    /// <summary>How a telephone report was taken (times, statements read, the call handler); null for the online form.</summary>
    public CallDetails? Call { get; init; }

    /// <summary>These facts as a contact keeps them (each category once, an unnamed force as unknown), or a refusal.</summary>
    public ReportedFacts Checked() => string.IsNullOrWhiteSpace(Account)
        ? throw new DomainRuleException("A contact needs an account of what happened.")
        : this with { Categories = [.. Categories.Distinct()], ForceCode = string.IsNullOrWhiteSpace(ForceCode) ? Contact.UnknownForce : ForceCode };

    /// <summary>What the figures count, and nothing anyone said: the force and categories named, whether danger was
    /// reported, and how a call was taken.</summary>
    public ReportedFacts Purged() => Counted(PurgedText);

    /// <summary>The same as a purge: the force keeps what it received, the reporter's own words and details go.</summary>
    public ReportedFacts Minimised() => Counted(MinimisedText);

    private ReportedFacts Counted(string account) =>
        new() { Account = account, Categories = Categories, ForceCode = ForceCode, ImmediateDanger = ImmediateDanger, Call = Call };
}
