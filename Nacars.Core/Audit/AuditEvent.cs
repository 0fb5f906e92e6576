namespace Nacars.Core.Audit;

/// <summary>Who did what to which contact, when. Append-only: the database refuses to change or delete one, and each
/// is chained to the one before by a hash once sealed (<see cref="AuditChain"/>), so a change made around the database's
/// own guard is still detected. Views are audited too (DPA 2018 s.62). Detail never holds the account or reporter
/// details, and is encrypted at rest (it may name a person: an officer spoken to, a re-route reason).</summary>
public sealed class AuditEvent
{
    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string? ContactReference { get; private set; }
    public string? Detail { get; private set; }
    /// <summary>Its place in the chain (1, 2, 3 …), given when sealed; null for a few seconds after it is written.</summary>
    public long? Sequence { get; private set; }
    /// <summary>The seal (hex): a keyed hash of the previous event's seal and this event's content, see <see cref="AuditChain.HashOf"/>.</summary>
    public string? Hash { get; private set; }
    /// <summary>A keyed hash (hex) of <see cref="Detail"/>, which the seal covers in its place, so retention can erase the
    /// words and keep the proof. Null when there is no detail, and for events sealed before details were hashed.</summary>
    public string? DetailMac { get; private set; }

    public const string ErasedText = "[erased under the retention schedule]";

    /// <summary>Whether retention erased this event's words (its seal still verifies, over their hash).</summary>
    public bool DetailErased => Detail is null && DetailMac is not null;

    internal void Seal(long sequence, string hash, string? detailMac)
    {
        if (Hash is not null) throw new InvalidOperationException("An audit event is sealed once.");
        Sequence = sequence;
        Hash = hash;
        DetailMac = detailMac;
    }

    private AuditEvent() { }

    public AuditEvent(DateTime atUtc, string actor, string action, string? contactReference, string? detail = null)
    {
        AtUtc = atUtc;
        Actor = actor;
        Action = action;
        ContactReference = contactReference;
        Detail = detail is { Length: > 500 } ? detail[..500] : detail;
    }
}

/// <summary>The actions the audit trail records, as stable strings a supervisor can filter by.</summary>
public static class AuditActions
{
    public const string ContactReceived = "contact.received";
    public const string FollowUpAdded = "contact.follow-up-added";
    public const string QuestionAsked = "contact.question-asked";
    public const string NewInformationRead = "contact.new-information-read";
    public const string ContactReopened = "contact.reopened";
    public const string AttachmentViewed = "attachment.viewed";
    public const string AttachmentDownloaded = "attachment.downloaded";
    public const string AttachmentInReport = "attachment.in-report";
    public const string ContactViewed = "contact.viewed";
    public const string ContactClaimed = "contact.claimed";
    public const string ContactReleased = "contact.released";
    public const string ContactReassigned = "contact.reassigned";
    public const string ThresholdTicked = "contact.threshold";
    public const string ContactEdited = "contact.edited";
    public const string FastTimeCallLogged = "contact.fast-time-call";
    public const string Disseminated = "contact.disseminated";
    public const string ReporterFlagResolved = "contact.reporter-flag";
    public const string NotDisseminated = "contact.not-disseminated";
    public const string Rerouted = "contact.rerouted";
    public const string ReportPreviewed = "report.previewed";
    public const string MailSent = "mail.sent";
    public const string MailFailed = "mail.failed";
    public const string MailRetried = "mail.retry";
    public const string MailStuck = "mail.stuck";
    public const string ForceUpdated = "force.updated";
    public const string BankHolidayChanged = "bank-holiday.changed";
    public const string UserCreated = "user.created";
    public const string UserChanged = "user.changed";
    public const string RolesRequested = "user.roles-requested";
    public const string RolesApproved = "user.roles-approved";
    public const string RolesRefused = "user.roles-refused";
    public const string ExportDownloaded = "supervision.export";
    public const string TestMailSent = "mail.test";
    public const string AuditVerified = "audit.verified";
    public const string DailySummarySent = "supervision.daily-summary";
    public const string RetentionRun = "retention.run";
    public const string KeptUndecided = "retention.kept-undecided";
    public const string ClosedAtReview = "retention.closed-at-review";
    public const string AuditBroken = "audit.broken";
    public const string StaffSignedIn = "staff.signed-in";
    public const string StaffSignInFailed = "staff.sign-in-failed";
    public const string StaffLockedOut = "staff.locked-out";
    public const string StaffSignedOut = "staff.signed-out";
    public const string StaffSessionExpired = "staff.session-expired";
    public const string StaffSessionsEnded = "staff.sessions-ended";
    public const string StaffAuthenticatorEnrolled = "staff.authenticator-enrolled";
    public const string StaffAuthenticatorReset = "staff.authenticator-reset";
    public const string StaffRecoveryCodeUsed = "staff.recovery-code-used";
    public const string StaffRecoveryCodesRenewed = "staff.recovery-codes-renewed";
    public const string StaffPasswordChanged = "staff.password-changed";
    public const string StaffPasswordReset = "staff.password-reset";
}
