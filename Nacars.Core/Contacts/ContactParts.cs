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

/// <summary>The record of the phone call to the force's fast-time contact for an urgent contact.</summary>
public sealed record FastTimeCall(DateTime CalledAtUtc, string NumberCalled, string PersonSpokenTo, string Outcome, string LoggedBy);

/// <summary>One threshold tick: who ticked it and when.</summary>
public sealed record ThresholdTick(string By, DateTime AtUtc);

public enum ThresholdCheck { CorroborableDetail, AboutPolice, NotPersonalComplaint }

/// <summary>Information the reporter (or a call handler) added after the first report. Encrypted at rest.</summary>
public sealed class FollowUp
{
    public long Id { get; private set; }
    public Guid ContactId { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    /// <summary>What was added; empty when the reporter sent files only.</summary>
    public string Text { get; private set; } = "";
    /// <summary>The analyst's question this answers, if it is an answer.</summary>
    public long? QuestionId { get; private set; }
    /// <summary>The call handler who keyed it in for a caller; null when the reporter typed it online.</summary>
    public string? TakenBy { get; private set; }

    private FollowUp() { }

    internal FollowUp(Guid contactId, string text, DateTime receivedAtUtc, long? questionId = null, string? takenBy = null)
    {
        ContactId = contactId;
        Text = text;
        ReceivedAtUtc = receivedAtUtc;
        QuestionId = questionId;
        TakenBy = takenBy;
    }
}

/// <summary>A question an analyst asked the reporter. The reporter sees the text and when it was asked, never who
/// asked it. The text is encrypted at rest (it may repeat what the reporter said).</summary>
public sealed class ReporterQuestion
{
    public long Id { get; private set; }
    public Guid ContactId { get; private set; }
    public DateTime AskedAtUtc { get; private set; }
    /// <summary>Staff only: never shown to the reporter.</summary>
    public string AskedBy { get; private set; } = "";
    public string Text { get; private set; } = "";

    private ReporterQuestion() { }

    internal ReporterQuestion(Guid contactId, string text, string askedBy, DateTime askedAtUtc)
    {
        ContactId = contactId;
        Text = text;
        AskedBy = askedBy;
        AskedAtUtc = askedAtUtc;
    }
}

/// <summary>A cleaned copy of a file the reporter attached: the facts the cleaner established and the key of the
/// encrypted copy in the attachment store. Nothing here comes from the reporter's own file name or their browser.</summary>
public sealed class ContactAttachment
{
    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    /// <summary>The follow-up it came with; null when it came with the report itself.</summary>
    public long? FollowUpId { get; private set; }
    internal FollowUp? FollowUp { get; private set; }
    /// <summary>The handle of the encrypted clean copy in <see cref="Intake.Attachments.IAttachmentStore"/>.</summary>
    public string StoreKey { get; private set; } = "";
    /// <summary>A generated name for downloads ("attachment-3f9c2a71.jpg").</summary>
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public Intake.Attachments.AttachmentKind Kind { get; private set; }
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public int? PageCount { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    /// <summary>The analyst chose to put this picture in the information report, on a page of its own.</summary>
    public bool IncludeInReport { get; internal set; }

    public bool IsPicture => Kind == Intake.Attachments.AttachmentKind.Picture;

    private ContactAttachment() { }

    internal ContactAttachment(Guid contactId, Intake.Attachments.StoredAttachment stored, DateTime receivedAtUtc, FollowUp? followUp)
    {
        Id = Guid.CreateVersion7(receivedAtUtc);
        ContactId = contactId;
        FollowUp = followUp;
        StoreKey = stored.Key;
        FileName = stored.FileName;
        ContentType = stored.ContentType;
        Kind = stored.Cleaned.Kind;
        Length = stored.Length;
        Sha256 = stored.Sha256;
        Width = stored.Cleaned.Width;
        Height = stored.Cleaned.Height;
        PageCount = stored.Cleaned.PageCount;
        ReceivedAtUtc = receivedAtUtc;
    }
}

/// <summary>What an analyst decided about one detail the sanitisation guard flagged: redacted, or kept with a reason.</summary>
public sealed record ReporterFlagDecision(string FlagId, bool Kept, string? Reason, string By, DateTime AtUtc);
