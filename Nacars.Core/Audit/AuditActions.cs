namespace Nacars.Core.Audit;

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
