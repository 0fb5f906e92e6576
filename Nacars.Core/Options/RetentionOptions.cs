namespace Nacars.Core;

/// <summary>How long the service keeps what it was told (UK GDPR storage limitation; DPA 2018 Part 3 for what goes to forces).</summary>
public sealed class RetentionOptions
{
    /// <summary>A contact not disseminated is purged this long after the decision: only what the figures count stays
    /// (force, dates, status, reason, urgency); every word and everything about the reporter and the subject goes.</summary>
    public int PurgeNotDisseminatedAfterMonths { get; set; } = 12;
    /// <summary>A disseminated contact's original account and reporter details are minimised this long after it was
    /// sent: what went to the force (the sanitised account, the subject, the grading) stays.</summary>
    public int MinimiseDisseminatedAfterMonths { get; set; } = 24;
    /// <summary>A contact still undecided this long after it arrived (or after a supervisor last kept it) is listed for a
    /// supervisor, who keeps it with a reason or closes and purges it: nothing is kept for ever by being forgotten.</summary>
    public int ReviewUndecidedAfterMonths { get; set; } = 12;
    /// <summary>Call handlers' drafts are deleted this long after they were last touched.</summary>
    public int DraftsExpireAfterDays { get; set; } = 30;
    /// <summary>A reporter's follow-up code stops working this long after the report.</summary>
    public int FollowUpCodesExpireAfterMonths { get; set; } = 12;
    /// <summary>A sent report's PDF leaves the outbox this long after the relay accepted it (the dissemination record stays).</summary>
    public int SentReportsLeaveOutboxAfterDays { get; set; } = 30;
    /// <summary>An email an analyst dismissed from the unmatched list (not about any contact) goes this long after.</summary>
    public int DismissedMailExpiresAfterDays { get; set; } = 90;
    /// <summary>The daily run, in UK local time.</summary>
    public TimeOnly RunAt { get; set; } = new(2, 30);
}
