namespace Nacars.Core.Contacts;

/// <summary>
/// One report from the public, as received, and everything triage decides about it. Every change of state goes
/// through a guarded method here, so the workflow's rules live in one place; an illegal move throws
/// <see cref="DomainRuleException"/> with a message an analyst can read.
/// </summary>
public sealed class Contact
{
    public const string UnknownForce = "unknown";

    private readonly List<FollowUp> _followUps = [];
    private readonly List<ReporterQuestion> _questions = [];
    private readonly List<ContactAttachment> _attachments = [];

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public Channel Channel { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    /// <summary>What the reporter said, as received; triage works on its own copies of force, categories and subject.</summary>
    public ReportedFacts Reported { get; private set; } = null!;
    public string? FollowUpCodeHash { get; private set; }
    public IReadOnlyList<FollowUp> FollowUps => _followUps;
    public IReadOnlyList<ReporterQuestion> Questions => _questions;
    public IReadOnlyList<ContactAttachment> Attachments => _attachments;
    /// <summary>Information from the reporter no analyst has marked as read yet keeps a decided contact in the open work (ADR 0011).</summary>
    public DateTime? NewInformationAtUtc { get; private set; }

    // What triage decides.
    public ContactStatus Status { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTime? ClaimedAtUtc { get; private set; }
    public string ForceCode { get; private set; } = UnknownForce;
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public SubjectDetails Subject { get; private set; } = SubjectDetails.None;
    public bool Urgent { get; private set; }
    public ThresholdChecklist Checklist { get; private set; } = ThresholdChecklist.None;
    public string? SanitisedAccount { get; private set; }
    /// <summary>By the flag's stable id, never its text; encrypted at rest, as a reason may quote the detail.</summary>
    public IReadOnlyList<ReporterFlagDecision> FlagDecisions { get; private set; } = [];
    public Grading? Grading { get; private set; }
    public FastTimeCall? FastTimeCall { get; private set; }
    public NotDisseminatedReason? NotDisseminatedReason { get; private set; }
    public string? DecisionNote { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    /// <summary>The force the decision counts against in the figures; a re-route does not change it.</summary>
    public string? DecidedForceCode { get; private set; }

    public DateTime? KeptUndecidedUntilUtc { get; private set; }
    /// <summary>When retention purges or minimises this contact, set when it is decided.</summary>
    public DateTime? ReviewAtUtc { get; private set; }
    public DateTime? PurgedAtUtc { get; private set; }
    public DateTime? MinimisedAtUtc { get; private set; }
    /// <summary>When the force last answered this contact's report from its own domain (the queue row says "force
    /// replied"). Written with the reply, beside the aggregate's guarded changes (no new version): see ReplyRecorder.</summary>
    public DateTime? ForceRepliedAtUtc { get; private set; }
    /// <summary>Optimistic concurrency: two analysts acting at once, one wins.</summary>
    public long Version { get; private set; }

    private Contact() { }

    public static Contact Receive(string reference, Channel channel, DateTime receivedAtUtc, ReportedFacts facts, string? followUpCodeHash)
    {
        if (!Contacts.Reference.IsValid(reference)) throw new ArgumentException("Not a valid reference.", nameof(reference));
        var reported = facts.Checked();
        return new Contact
        {
            Id = Guid.CreateVersion7(receivedAtUtc), Reference = reference, Channel = channel, ReceivedAtUtc = receivedAtUtc,
            Reported = reported, FollowUpCodeHash = followUpCodeHash, Status = ContactStatus.New,
            Categories = reported.Categories, ForceCode = reported.ForceCode, Subject = reported.Subject, Urgent = reported.ImmediateDanger,
        };
    }

    public bool IsOpen => Status is ContactStatus.New or ContactStatus.InTriage;
    public bool ThresholdMet => Checklist.Met;
    public bool HasNewInformation => NewInformationAtUtc is not null;

    /// <summary>Information the reporter added later, typed online or keyed in by a call handler (<paramref name="takenBy"/>).</summary>
    public FollowUp AddFollowUp(string? text, DateTime nowUtc, long? answersQuestion = null, string? takenBy = null, bool withFiles = false)
    {
        if (answersQuestion is { } questionId && _questions.All(q => q.Id != questionId))
            throw new DomainRuleException("That question was not asked about this contact.");
        // A contact nobody has claimed yet is read whole when it is claimed; once someone has worked it, what arrives is
        // new information they must see (ADR 0011).
        if (Status != ContactStatus.New) NewInformationAtUtc ??= nowUtc;
        return Added(_followUps, FollowUp.Make(Id, text, withFiles, nowUtc, answersQuestion, takenBy));
    }

    /// <summary>A file the reporter sent, already cleaned and stored, saved with the contact and its follow-up.</summary>
    public ContactAttachment Attach(ReceivedFile stored, DateTime nowUtc, FollowUp? withFollowUp = null)
    {
        if (withFollowUp is not null && !_followUps.Contains(withFollowUp)) throw new DomainRuleException("That follow-up is not part of this contact.");
        return Added(_attachments, new ContactAttachment(Id, stored, nowUtc, withFollowUp));
    }

    /// <summary>On an open contact only its claimant asks the reporter; on a decided one any analyst may.</summary>
    public ReporterQuestion AskReporter(string text, string analyst, DateTime nowUtc)
    {
        if (IsOpen) RequireClaimant(analyst, "ask the reporter about");
        if (FollowUpCodeHash is null) throw new DomainRuleException($"The reporter of {Reference} has no follow-up code, so they cannot see a question.");
        return Added(_questions, ReporterQuestion.Make(Id, text, analyst, nowUtc));
    }

    /// <summary>On an open contact its claimant marks new information as read; on a decided one any analyst.</summary>
    public void AcknowledgeNewInformation(string analyst)
    {
        if (!HasNewInformation) throw new DomainRuleException($"{Reference} has no new information to mark as read.");
        if (IsOpen) RequireClaimant(analyst, "mark the new information as read on");
        Change(() => NewInformationAtUtc = null);
    }

    /// <summary>New information changed the picture: back into triage, claimed by this analyst, the decision undone.</summary>
    public void Reopen(string analyst, DateTime nowUtc)
    {
        if (Status != ContactStatus.NotDisseminated)
            throw new DomainRuleException($"Only a contact that was not disseminated can be reopened; {Reference} is {Status}.");
        if (string.IsNullOrWhiteSpace(analyst)) throw new DomainRuleException("Who is reopening it?");
        (NotDisseminatedReason, DecisionNote, DecidedBy, DecidedAtUtc) = (null, null, null, null);
        Change(() => ClaimFor(analyst, nowUtc));
    }

    /// <summary>Only pictures go into the information report, on a page of their own: a PDF stays with the service.</summary>
    public void IncludeAttachmentInReport(Guid attachmentId, bool include, string analyst) => Edit(analyst, "choose the images of the information report for", () =>
    {
        var attachment = _attachments.FirstOrDefault(a => a.Id == attachmentId) ?? throw new DomainRuleException("That file is not part of this contact.");
        if (include && attachment.Kind != AttachmentKind.Picture) throw new DomainRuleException("Only pictures can go into the information report.");
        attachment.IncludeInReport = include;
    });

    public void Claim(string analyst, DateTime nowUtc) => Open("claim", () => ClaimFor(
        ClaimedBy is null || ClaimedBy == analyst ? analyst : throw new ContactChangedException($"{Reference} has already been claimed by {ClaimedBy}."), nowUtc));
    public void Release(string analyst) => Edit(analyst, "release", () => (Status, ClaimedBy, ClaimedAtUtc) = (ContactStatus.New, null, null));
    /// <summary>A supervisor hands an open contact to another analyst.</summary>
    public void Reassign(string toAnalyst, DateTime nowUtc) => Open("reassign",
        () => ClaimFor(string.IsNullOrWhiteSpace(toAnalyst) ? throw new DomainRuleException("Choose the analyst to reassign to.") : toAnalyst, nowUtc));

    public void Tick(ThresholdCheck check, bool ticked, string analyst, DateTime nowUtc) =>
        Edit(analyst, "apply the threshold checklist to", () => Checklist = Checklist.With(check, ticked ? new ThresholdTick(analyst, nowUtc) : null));
    public void Classify(IEnumerable<string> categories, string analyst) => Edit(analyst, "classify", () => Categories = Contacts.Categories.Checked(categories));
    public void CorrectSubject(SubjectDetails subject, string analyst) => Edit(analyst, "correct the subject of", () => Subject = subject);
    public void AssignForce(string forceCode, string analyst) => Edit(analyst, "choose the force for",
        () => ForceCode = string.IsNullOrWhiteSpace(forceCode) ? throw new DomainRuleException("Choose a force.") : forceCode);
    public void FlagUrgent(bool urgent, string analyst) => Edit(analyst, "flag", () => Urgent = urgent);
    public void WriteSanitisedAccount(string text, string analyst) =>
        Edit(analyst, "sanitise", () => SanitisedAccount = string.IsNullOrWhiteSpace(text) ? null : text);
    public void Grade(Grading grading, string analyst) => Edit(analyst, "grade", () => Grading = grading.Checked());
    public void LogFastTimeCall(FastTimeCall call, string analyst, DateTime nowUtc) => Edit(analyst, "log a fast-time call for",
        () => FastTimeCall = Urgent ? call.Checked(ReceivedAtUtc, nowUtc) : throw new DomainRuleException("Only an urgent contact needs a fast-time call."));

    /// <summary>A flagged detail redacted (the text is already replaced) or kept with a reason, recorded once per flag.</summary>
    public void ResolveReporterFlag(string flagId, bool keep, string? reason, string analyst, DateTime nowUtc) => Edit(analyst, "sanitise",
        () => FlagDecisions = [.. FlagDecisions.Where(d => d.FlagId != flagId), ReporterFlagDecision.Make(flagId, keep, reason, analyst, nowUtc)]);

    /// <summary>Why the contact cannot be sent yet (<see cref="DisseminationReadiness"/>); empty when it can.</summary>
    public IReadOnlyList<string> WhatBlocksDissemination(int unresolvedReporterFlags) => DisseminationReadiness.Blocks(this, unresolvedReporterFlags);

    public void Disseminate(string analyst, DateTime nowUtc, int unresolvedReporterFlags) => Edit(analyst, "disseminate", () =>
    {
        if (WhatBlocksDissemination(unresolvedReporterFlags) is { Count: > 0 } blocks)
            throw new DomainRuleException($"{Reference} cannot be sent yet: {string.Join(" ", blocks)}");
        Decide(ContactStatus.Disseminated, null, null, analyst, nowUtc);
    });

    public void DecideNotToDisseminate(NotDisseminatedReason reason, string? note, string analyst, DateTime nowUtc) => Edit(analyst, "decide on", () =>
    {
        if (HasNewInformation) throw new DomainRuleException($"{Reference} cannot be decided yet: {DisseminationReadiness.NewInformationBlocks}");
        if (string.IsNullOrWhiteSpace(note) && NotDisseminatedReasons.NoteNeeded(reason) is { } needed) throw new DomainRuleException(needed);
        Decide(ContactStatus.NotDisseminated, reason, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), analyst, nowUtc);
    });

    /// <summary>A disseminated contact goes to another force as well; the decision stays the one made.</summary>
    public void Reroute(string toForceCode, string reason)
    {
        if (Status != ContactStatus.Disseminated) throw new DomainRuleException($"Only a disseminated contact can be re-routed; {Reference} is {Status}.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Say why the contact is re-routed.");
        if (toForceCode == ForceCode) throw new DomainRuleException("The contact has already gone to that force.");
        if (toForceCode == UnknownForce) throw new DomainRuleException("Choose a real force to re-route to.");
        DecidedForceCode ??= ForceCode; // a contact decided before the column existed
        Change(() => ForceCode = toForceCode);
    }

    public void ScheduleReview(DateTime reviewAtUtc) => ReviewAtUtc = reviewAtUtc;
    public void ExpireFollowUpCode() => Change(() => FollowUpCodeHash = null);

    /// <summary>The yearly review of a contact nobody decided: a supervisor keeps it for another period (the reason goes
    /// to the audit trail), or closes it, not disseminated, as decided by them now, so that it can be purged at once.</summary>
    public void KeepUndecided(DateTime untilUtc) => Open("keep", () => KeptUndecidedUntilUtc = untilUtc);
    public void CloseAtRetentionReview(string supervisor, DateTime nowUtc) => Open("close", () =>
    {
        ClaimedBy = null;
        Decide(ContactStatus.NotDisseminated, Contacts.NotDisseminatedReason.Other, NotDisseminatedReasons.ClosedAtReviewNote, supervisor, nowUtc);
    });

    /// <summary>Retention, not disseminated: only what the figures count stays (files and follow-ups: <c>ContactForgetting</c>).</summary>
    public void Purge(DateTime nowUtc)
    {
        if (IsOpen) throw new DomainRuleException($"{Reference} is still open: it cannot be purged.");
        (Reported, Subject, SanitisedAccount, DecisionNote, FastTimeCall) = (Reported.Purged(), SubjectDetails.None, null, null, null);
        // The grade stays for the figures; the handling conditions are words an analyst wrote about this report.
        Grading = Grading is null ? null : Grading with { HandlingConditions = null };
        PurgedAtUtc = nowUtc;
        Forget();
    }

    /// <summary>Retention, disseminated: the reporter's words and details go; what the force received stays.</summary>
    public void Minimise(DateTime nowUtc)
    {
        if (Status != ContactStatus.Disseminated) throw new DomainRuleException($"Only a disseminated contact is minimised; {Reference} is {Status}.");
        (Reported, MinimisedAtUtc) = (Reported.Minimised(), nowUtc);
        Forget();
    }

    private void Forget() => Change(() => (FollowUpCodeHash, FlagDecisions, ReviewAtUtc) = (null, [], null));
    private void ClaimFor(string analyst, DateTime nowUtc) => (Status, ClaimedBy, ClaimedAtUtc) = (ContactStatus.InTriage, analyst, nowUtc);

    private void Decide(ContactStatus status, NotDisseminatedReason? reason, string? note, string by, DateTime nowUtc)
    {
        (Status, NotDisseminatedReason, DecisionNote) = (status, reason, note);
        (DecidedBy, DecidedAtUtc, DecidedForceCode) = (by, nowUtc, ForceCode);
    }

    // Every change: who may make it (the claimant, or anyone while it is open), the change, a new version.
    private void Edit(string analyst, string action, Action change) => Change(change, () => RequireClaimant(analyst, action));
    private void Open(string action, Action change) => Change(change, () => RequireOpen(action));

    private void Change(Action change, Action? guard = null)
    {
        guard?.Invoke();
        change();
        Version++;
    }

    private void RequireOpen(string action)
    {
        if (!IsOpen) throw new DomainRuleException($"You cannot {action} {Reference}: it has already been decided ({Status}).");
    }

    private void RequireClaimant(string analyst, string action)
    {
        RequireOpen(action);
        if (ClaimedBy is null) throw new DomainRuleException($"Claim {Reference} before you {action} it.");
        if (ClaimedBy != analyst) throw new ContactChangedException($"{Reference} is claimed by {ClaimedBy}; only they can {action} it.");
    }

    private T Added<T>(List<T> children, T child)
    {
        Change(() => children.Add(child));
        return child;
    }
}
