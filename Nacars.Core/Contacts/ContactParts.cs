namespace Nacars.Core.Contacts;

/// <summary>The officer, staff member or volunteer the contact is about.</summary>
public sealed record SubjectDetails(string? Name, string? Role, string? Number, string? Workplace)
{
    public static readonly SubjectDetails None = new(null, null, null, null);

    public bool IsEmpty => Name is null && Role is null && Number is null && Workplace is null;

    public override string ToString() =>
        string.Join(", ", new[] { Role, Number, Name, Workplace }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>The member of the public. Anonymous unless they chose to leave details.</summary>
public sealed record ReporterDetails(bool StayAnonymous, string? Name, string? Phone, string? Email, bool ConsentToForceContact)
{
    public static readonly ReporterDetails Anonymous = new(true, null, null, null, false);

    /// <summary>The force may only see the reporter's details when the reporter said so.</summary>
    public bool MayBeSharedWithForce => !StayAnonymous && ConsentToForceContact && HasAnyDetail;

    public bool HasAnyDetail => !string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(Phone) || !string.IsNullOrWhiteSpace(Email);
}

/// <summary>Details of a telephone intake call.</summary>
public sealed record CallDetails(DateTime CallStartedAtUtc, bool AnonymityStatementRead, bool InterpreterUsed, string TakenBy);

/// <summary>The 3x5x2 grading the force receives.</summary>
public sealed record Grading(SourceEvaluation Source, int Assessment, HandlingCode Handling, string? HandlingConditions)
{
    public override string ToString() => $"{Source} · {Assessment} · {Handling}";
}

/// <summary>The record of the phone call to the force's fast-time contact for an urgent contact.</summary>
public sealed record FastTimeCall(DateTime CalledAtUtc, string NumberCalled, string PersonSpokenTo, string Outcome, string LoggedBy);

/// <summary>One threshold tick: who ticked it and when.</summary>
public sealed record ThresholdTick(string By, DateTime AtUtc);

public enum ThresholdCheck { CorroborableDetail, AboutPolice, NotPersonalComplaint }

/// <summary>Information the reporter (or a call handler) added after the first report.</summary>
public sealed class FollowUp
{
    public long Id { get; private set; }
    public Guid ContactId { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    public string Text { get; private set; } = "";

    private FollowUp() { }

    internal FollowUp(Guid contactId, string text, DateTime receivedAtUtc)
    {
        ContactId = contactId;
        Text = text;
        ReceivedAtUtc = receivedAtUtc;
    }
}

/// <summary>What an analyst decided about one detail the sanitisation guard flagged: redacted, or kept with a reason.</summary>
public sealed record ReporterFlagDecision(string FlagId, bool Kept, string? Reason, string By, DateTime AtUtc);
