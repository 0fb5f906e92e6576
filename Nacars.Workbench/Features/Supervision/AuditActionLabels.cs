using Nacars.Core.Audit;

namespace Nacars.Workbench.Features.Supervision;

/// <summary>Plain English for the audit trail's action codes, for reading on screen. The code itself stays what is
/// stored, filtered on and exported, so the page keeps it on hover; a code with no label here (one added later) shows
/// as itself rather than vanishing.</summary>
public static class AuditActionLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [AuditActions.ContactReceived] = "Contact received",
        [AuditActions.FollowUpAdded] = "Follow-up added",
        [AuditActions.QuestionAsked] = "Question asked of the reporter",
        [AuditActions.NewInformationRead] = "New information read",
        [AuditActions.ContactReopened] = "Contact reopened",
        [AuditActions.AttachmentViewed] = "Attachment viewed",
        [AuditActions.AttachmentDownloaded] = "Attachment downloaded",
        [AuditActions.AttachmentInReport] = "Attachment put in or taken out of the report",
        [AuditActions.ContactViewed] = "Contact viewed",
        [AuditActions.ContactClaimed] = "Contact claimed",
        [AuditActions.ContactReleased] = "Contact released",
        [AuditActions.ContactReassigned] = "Contact reassigned",
        [AuditActions.ThresholdTicked] = "Threshold check ticked or unticked",
        [AuditActions.ContactEdited] = "Contact edited",
        [AuditActions.FastTimeCallLogged] = "Fast-time call logged",
        [AuditActions.Disseminated] = "Disseminated",
        [AuditActions.ReporterFlagResolved] = "Reporter detail kept or redacted",
        [AuditActions.NotDisseminated] = "Not disseminated",
        [AuditActions.Rerouted] = "Re-routed to another force",
        [AuditActions.ReportPreviewed] = "Report previewed",
        [AuditActions.MailSent] = "Email sent",
        [AuditActions.MailFailed] = "Email failed",
        [AuditActions.MailRetried] = "Email retried",
        [AuditActions.MailStuck] = "Email stuck",
        [AuditActions.ForceReplyReceived] = "Force's email received",
        [AuditActions.ForceReplyAttached] = "Force's email attached to a contact",
        [AuditActions.ForceReplyDismissed] = "Unmatched email dismissed",
        [AuditActions.UnmatchedMailViewed] = "Unmatched email viewed",
        [AuditActions.OutcomeRecorded] = "Outcome recorded",
        [AuditActions.ReminderSent] = "Acknowledgement reminder queued",
        [AuditActions.MonthlyPackQueued] = "Monthly pack queued",
        [AuditActions.MonthlyPackPreviewed] = "Monthly pack previewed",
        [AuditActions.ForceUpdated] = "Force details changed",
        [AuditActions.BankHolidayChanged] = "Bank holidays changed",
        [AuditActions.UserCreated] = "Staff account created",
        [AuditActions.UserChanged] = "Staff account changed",
        [AuditActions.ExportDownloaded] = "Supervision CSV downloaded",
        [AuditActions.TestMailSent] = "Test email sent",
        [AuditActions.AuditVerified] = "Audit trail checked: intact",
        [AuditActions.RetentionRun] = "Retention purge run",
        [AuditActions.AuditBroken] = "Audit trail checked: BROKEN",
        [AuditActions.StaffSignedIn] = "Staff signed in",
        [AuditActions.StaffSignInFailed] = "Staff sign-in failed",
        [AuditActions.StaffLockedOut] = "Staff locked out",
        [AuditActions.StaffSignedOut] = "Staff signed out",
        [AuditActions.StaffSessionExpired] = "Staff session expired",
        [AuditActions.StaffSessionsEnded] = "Staff signed out everywhere",
        [AuditActions.StaffAuthenticatorEnrolled] = "Authenticator set up",
        [AuditActions.StaffAuthenticatorReset] = "Authenticator reset",
        [AuditActions.StaffRecoveryCodeUsed] = "Recovery code used",
        [AuditActions.StaffRecoveryCodesRenewed] = "Recovery codes renewed",
        [AuditActions.StaffPasswordChanged] = "Password changed",
        [AuditActions.StaffPasswordReset] = "Password reset",
    };

    /// <summary>The label for <paramref name="action"/>, or the code itself when it has none.</summary>
    public static string For(string action) => Labels.GetValueOrDefault(action, action);
}
