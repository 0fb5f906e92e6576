namespace Nacars.Core.Contacts;

/// <summary>
/// One report from the public, as received, and everything triage decides about it. Every change of state goes
/// through a guarded method here, so the workflow's rules live in one place; an illegal move throws
/// <see cref="DomainRuleException"/> with a message an analyst can read.
/// </summary>
public sealed class Contact
{
    public const string UnknownForce = "unknown";

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public Channel Channel { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }

    // What the reporter said. Account, HowKnown and the reporter's details are encrypted at rest.
    public string Account { get; private set; } = "";
    public List<string> ReportedCategories { get; private set; } = [];
    public string ReportedForceCode { get; private set; } = UnknownForce;
    public SubjectDetails ReportedSubject { get; private set; } = SubjectDetails.None;
    public string? WhenHappened { get; private set; }
    public string? WhereHappened { get; private set; }
    public string? HowKnown { get; private set; }
    public bool ImmediateDanger { get; private set; }
    public ReporterDetails Reporter { get; private set; } = ReporterDetails.Anonymous;
    public CallDetails? Call { get; private set; }
    public string? FollowUpCodeHash { get; private set; }
    public List<FollowUp> FollowUps { get; private set; } = [];
    /// <summary>Questions analysts asked the reporter, shown to them (never the analyst's name) when they return with
    /// their reference and follow-up code, or read out by a call handler.</summary>
    public List<ReporterQuestion> Questions { get; private set; } = [];
    /// <summary>Cleaned copies of the files the reporter attached (the files themselves are in the encrypted store).</summary>
    public List<ContactAttachment> Attachments { get; private set; } = [];
    /// <summary>When information arrived from the reporter that no analyst has yet marked as read; null when there is
    /// none. Set by every follow-up or answer once the contact has been claimed, so nothing is saved unseen (ADR 0011): a decided
    /// contact with new information is back in the open work until an analyst acknowledges it.</summary>
    public DateTime? NewInformationAtUtc { get; private set; }

    // What triage decides.
    public ContactStatus Status { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTime? ClaimedAtUtc { get; private set; }
    public string ForceCode { get; private set; } = UnknownForce;
    public List<string> Categories { get; private set; } = [];
    public SubjectDetails Subject { get; private set; } = SubjectDetails.None;
    public bool Urgent { get; private set; }
    public ThresholdTick? CorroborableDetail { get; private set; }
    public ThresholdTick? AboutPolice { get; private set; }
    public ThresholdTick? NotPersonalComplaint { get; private set; }
    public string? SanitisedAccount { get; private set; }
    public Grading? Grading { get; private set; }
    public FastTimeCall? FastTimeCall { get; private set; }
    public NotDisseminatedReason? NotDisseminatedReason { get; private set; }
    public string? DecisionNote { get; private set; }
    /// <summary>What the analyst decided about each detail the sanitisation guard flagged as able to identify the
    /// reporter (by the flag's stable id, never its text). Encrypted at rest: a reason may quote the detail.</summary>
    public List<ReporterFlagDecision> FlagDecisions { get; private set; } = [];
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    /// <summary>The force the contact was decided for, set by the decision and never changed by a re-route: the
    /// supervision figures count the decision against it (a re-route counts as re-routed out of it).</summary>
    public string? DecidedForceCode { get; private set; }

    /// <summary>A supervisor kept this contact, still undecided at its yearly review, until then (the reason is audited).</summary>
    public DateTime? KeptUndecidedUntilUtc { get; private set; }
    /// <summary>When retention looks at this contact again (purge or minimise), set when it is decided.</summary>
    public DateTime? ReviewAtUtc { get; private set; }
    /// <summary>Purged: every word and detail gone, only what the figures count kept.</summary>
    public DateTime? PurgedAtUtc { get; private set; }
    /// <summary>Minimised: the original account and the reporter's details gone; what the force received kept.</summary>
    public DateTime? MinimisedAtUtc { get; private set; }

    /// <summary>Optimistic concurrency: two analysts acting at once, one wins.</summary>
    public long Version { get; private set; }

    private Contact() { }

    public static Contact Receive(
        string reference, Channel channel, DateTime receivedAtUtc, string account,
        IEnumerable<string> categories, string? forceCode, SubjectDetails subject,
        string? whenHappened, string? whereHappened, string? howKnown, bool immediateDanger,
        ReporterDetails reporter, string? followUpCodeHash, CallDetails? call = null)
    {
        if (!Contacts.Reference.IsValid(reference)) throw new ArgumentException("Not a valid reference.", nameof(reference));
        if (string.IsNullOrWhiteSpace(account)) throw new DomainRuleException("A contact needs an account of what happened.");
        var cats = categories.Distinct().ToList();
        var force = string.IsNullOrWhiteSpace(forceCode) ? UnknownForce : forceCode;
        return new Contact
        {
            Id = Guid.CreateVersion7(receivedAtUtc),
            Reference = reference,
            Channel = channel,
            ReceivedAtUtc = receivedAtUtc,
            Account = account,
            ReportedCategories = cats,
            Categories = [.. cats],
            ReportedForceCode = force,
            ForceCode = force,
            ReportedSubject = subject,
            Subject = subject,
            WhenHappened = whenHappened,
            WhereHappened = whereHappened,
            HowKnown = howKnown,
            ImmediateDanger = immediateDanger,
            Urgent = immediateDanger,
            Reporter = reporter,
            FollowUpCodeHash = followUpCodeHash,
            Call = call,
            Status = ContactStatus.New,
        };
    }

    public bool IsOpen => Status is ContactStatus.New or ContactStatus.InTriage;
    public bool ThresholdMet => CorroborableDetail is not null && AboutPolice is not null && NotPersonalComplaint is not null;
    public bool HasNewInformation => NewInformationAtUtc is not null;

    /// <summary>Information the reporter added later, typed by them online or keyed in by a call handler
    /// (<paramref name="takenBy"/>), optionally answering one of the analysts' questions; it may be files alone
    /// (<paramref name="withFiles"/>, attached next with <see cref="Attach"/>). Unless the contact is still New (not yet
    /// claimed, so read whole when it is), it is marked as new information for the analysts.</summary>
    public FollowUp AddFollowUp(string? text, DateTime nowUtc, long? answersQuestion = null, string? takenBy = null, bool withFiles = false)
    {
        if (string.IsNullOrWhiteSpace(text) && !withFiles) throw new DomainRuleException("A follow-up needs some text.");
        if (answersQuestion is { } questionId && Questions.All(q => q.Id != questionId))
            throw new DomainRuleException("That question was not asked about this contact.");
        var followUp = new FollowUp(Id, text?.Trim() ?? "", nowUtc, answersQuestion, takenBy);
        FollowUps.Add(followUp);
        // A contact nobody has claimed yet is read whole when it is claimed; once someone has worked it, what arrives is
        // new information they must see (ADR 0011).
        if (Status != ContactStatus.New) NewInformationAtUtc ??= nowUtc;
        Touch();
        return followUp;
    }

    /// <summary>A file the reporter sent, already cleaned and stored, recorded with the contact (and the follow-up it
    /// came with, if any) in the same save.</summary>
    public ContactAttachment Attach(ReceivedFile stored, DateTime nowUtc, FollowUp? withFollowUp = null)
    {
        if (withFollowUp is not null && !FollowUps.Contains(withFollowUp)) throw new DomainRuleException("That follow-up is not part of this contact.");
        var attachment = new ContactAttachment(Id, stored, nowUtc, withFollowUp);
        Attachments.Add(attachment);
        Touch();
        return attachment;
    }

    /// <summary>An analyst asks the reporter a question; the reporter sees it with their reference and follow-up code.
    /// On an open contact only its claimant asks; on a decided one any analyst may (for example about new information).</summary>
    public ReporterQuestion AskReporter(string text, string analyst, DateTime nowUtc)
    {
        if (IsOpen) RequireClaimant(analyst, "ask the reporter about");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("Write the question for the reporter.");
        if (FollowUpCodeHash is null) throw new DomainRuleException($"The reporter of {Reference} has no follow-up code, so they cannot see a question.");
        var question = new ReporterQuestion(Id, text.Trim(), analyst, nowUtc);
        Questions.Add(question);
        Touch();
        return question;
    }

    /// <summary>An analyst has read the new information. On an open contact that is its claimant (it is their work);
    /// on a decided one any analyst, who then decides whether it changes anything (a re-route, reopening).</summary>
    public void AcknowledgeNewInformation(string analyst)
    {
        if (!HasNewInformation) throw new DomainRuleException($"{Reference} has no new information to mark as read.");
        if (IsOpen) RequireClaimant(analyst, "mark the new information as read on");
        NewInformationAtUtc = null;
        Touch();
    }

    /// <summary>New information changed the picture of a contact that was not disseminated: it goes back into triage,
    /// claimed by the analyst who reopened it, and its earlier decision is undone.</summary>
    public void Reopen(string analyst, DateTime nowUtc)
    {
        if (Status != ContactStatus.NotDisseminated)
            throw new DomainRuleException($"Only a contact that was not disseminated can be reopened; {Reference} is {Status}.");
        if (string.IsNullOrWhiteSpace(analyst)) throw new DomainRuleException("Who is reopening it?");
        Status = ContactStatus.InTriage;
        ClaimedBy = analyst;
        ClaimedAtUtc = nowUtc;
        NotDisseminatedReason = null;
        DecisionNote = null;
        DecidedBy = null;
        DecidedAtUtc = null;
        Touch();
    }

    /// <summary>Whether a cleaned picture goes into the information report, on a page of its own. Only the analyst
    /// chooses, and only pictures: a PDF or an image that could identify the reporter stays with the service.</summary>
    public void IncludeAttachmentInReport(Guid attachmentId, bool include, string analyst)
    {
        RequireClaimant(analyst, "choose the images of the information report for");
        var attachment = Attachments.FirstOrDefault(a => a.Id == attachmentId) ?? throw new DomainRuleException("That file is not part of this contact.");
        if (include && attachment.Kind != AttachmentKind.Picture)
            throw new DomainRuleException("Only pictures can go into the information report.");
        attachment.IncludeInReport = include;
        Touch();
    }

    public void Claim(string analyst, DateTime nowUtc)
    {
        RequireOpen("claim");
        if (ClaimedBy is not null && ClaimedBy != analyst)
            throw new ContactChangedException($"{Reference} has already been claimed by {ClaimedBy}.");
        Status = ContactStatus.InTriage;
        ClaimedBy = analyst;
        ClaimedAtUtc = nowUtc;
        Touch();
    }

    public void Release(string analyst)
    {
        RequireClaimant(analyst, "release");
        Status = ContactStatus.New;
        ClaimedBy = null;
        ClaimedAtUtc = null;
        Touch();
    }

    /// <summary>A supervisor hands an open contact to another analyst.</summary>
    public void Reassign(string toAnalyst, DateTime nowUtc)
    {
        RequireOpen("reassign");
        if (string.IsNullOrWhiteSpace(toAnalyst)) throw new DomainRuleException("Choose the analyst to reassign to.");
        Status = ContactStatus.InTriage;
        ClaimedBy = toAnalyst;
        ClaimedAtUtc = nowUtc;
        Touch();
    }

    public void Tick(ThresholdCheck check, bool ticked, string analyst, DateTime nowUtc)
    {
        RequireClaimant(analyst, "apply the threshold checklist to");
        var tick = ticked ? new ThresholdTick(analyst, nowUtc) : null;
        switch (check)
        {
            case ThresholdCheck.CorroborableDetail: CorroborableDetail = tick; break;
            case ThresholdCheck.AboutPolice: AboutPolice = tick; break;
            case ThresholdCheck.NotPersonalComplaint: NotPersonalComplaint = tick; break;
        }
        Touch();
    }

    public void Classify(IEnumerable<string> categories, string analyst)
    {
        RequireClaimant(analyst, "classify");
        var cats = categories.Distinct().ToList();
        var unknown = cats.FirstOrDefault(c => !Contacts.Categories.IsKnown(c));
        if (unknown is not null) throw new DomainRuleException($"'{unknown}' is not a category the service uses.");
        Categories = cats;
        Touch();
    }

    public void CorrectSubject(SubjectDetails subject, string analyst)
    {
        RequireClaimant(analyst, "correct the subject of");
        Subject = subject;
        Touch();
    }

    public void AssignForce(string forceCode, string analyst)
    {
        RequireClaimant(analyst, "choose the force for");
        if (string.IsNullOrWhiteSpace(forceCode)) throw new DomainRuleException("Choose a force.");
        ForceCode = forceCode;
        Touch();
    }

    public void FlagUrgent(bool urgent, string analyst)
    {
        RequireClaimant(analyst, "flag");
        Urgent = urgent;
        Touch();
    }

    public void WriteSanitisedAccount(string text, string analyst)
    {
        RequireClaimant(analyst, "sanitise");
        SanitisedAccount = string.IsNullOrWhiteSpace(text) ? null : text;
        Touch();
    }

    public void Grade(Grading grading, string analyst)
    {
        RequireClaimant(analyst, "grade");
        if (!Enum.IsDefined(grading.Source)) throw new DomainRuleException("The source evaluation is 1, 2 or 3.");
        if (!Enum.IsDefined(grading.Assessment)) throw new DomainRuleException("The intelligence assessment is A to E.");
        if (grading.Handling == HandlingCode.C && string.IsNullOrWhiteSpace(grading.HandlingConditions))
            throw new DomainRuleException("Handling code C needs the conditions written down.");
        Grading = grading;
        Touch();
    }

    /// <summary>The call is often logged after it was made, so its time is the analyst's, within what can be true:
    /// not after now and not before the contact arrived.</summary>
    public void LogFastTimeCall(FastTimeCall call, string analyst, DateTime nowUtc)
    {
        RequireClaimant(analyst, "log a fast-time call for");
        if (!Urgent) throw new DomainRuleException("Only an urgent contact needs a fast-time call.");
        if (string.IsNullOrWhiteSpace(call.PersonSpokenTo) || string.IsNullOrWhiteSpace(call.Outcome))
            throw new DomainRuleException("Record who you spoke to and the outcome of the call.");
        // A minute's grace: the form's clock is read when the analyst types, the server's when they press the button.
        if (call.CalledAtUtc > nowUtc.AddMinutes(1))
            throw new DomainRuleException($"The call cannot have been made later than now ({UkTime.Format(nowUtc)} UK).");
        if (call.CalledAtUtc < ReceivedAtUtc.AddMinutes(-1))
            throw new DomainRuleException($"The call cannot have been made before the contact arrived ({UkTime.Format(ReceivedAtUtc)} UK).");
        FastTimeCall = call;
        Touch();
    }

    /// <summary>The analyst redacted a flagged detail (the text is already replaced) or kept it, with the reason, because
    /// the force needs it and it cannot identify the reporter. Either way the decision is recorded once per flag.</summary>
    public void ResolveReporterFlag(string flagId, bool keep, string? reason, string analyst, DateTime nowUtc)
    {
        RequireClaimant(analyst, "sanitise");
        if (string.IsNullOrWhiteSpace(flagId)) throw new DomainRuleException("Which detail?");
        if (keep && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("Say why this detail can stay: what the force needs it for, and why it cannot identify the reporter.");
        FlagDecisions.RemoveAll(d => d.FlagId == flagId);
        FlagDecisions.Add(new ReporterFlagDecision(flagId, keep, keep ? reason!.Trim() : null, analyst, nowUtc));
        Touch();
    }

    /// <summary>Why the contact cannot be sent yet; empty when it can.</summary>
    /// <param name="unresolvedReporterFlags">How many details in the sanitised account could identify the reporter with
    /// no decision about them (<c>ReporterFlagCheck</c>): the aggregate does not run the recognisers itself.</param>
    public IReadOnlyList<string> WhatBlocksDissemination(int unresolvedReporterFlags)
    {
        var blocks = new List<string>();
        if (HasNewInformation) blocks.Add(NewInformationBlocks);
        if (unresolvedReporterFlags > 0)
            blocks.Add($"The sanitised account still has {unresolvedReporterFlags} detail{(unresolvedReporterFlags == 1 ? "" : "s")} that could identify the reporter: redact each, or keep it with a reason.");
        if (!ThresholdMet) blocks.Add("Tick all three threshold checks.");
        if (ForceCode == UnknownForce) blocks.Add("Choose the force the report goes to.");
        if (string.IsNullOrWhiteSpace(SanitisedAccount)) blocks.Add("Write the sanitised account.");
        if (Grading is null) blocks.Add("Grade the information (3x5x2).");
        if (Urgent && FastTimeCall is null) blocks.Add("Urgent: log the fast-time call to the force first.");
        if (Categories.Count == 0) blocks.Add("Choose at least one category.");
        return blocks;
    }

    public void Disseminate(string analyst, DateTime nowUtc, int unresolvedReporterFlags)
    {
        RequireClaimant(analyst, "disseminate");
        var blocks = WhatBlocksDissemination(unresolvedReporterFlags);
        if (blocks.Count > 0) throw new DomainRuleException($"{Reference} cannot be sent yet: {string.Join(" ", blocks)}");
        Status = ContactStatus.Disseminated;
        NotDisseminatedReason = null;
        DecisionNote = null;
        DecidedBy = analyst;
        DecidedAtUtc = nowUtc;
        DecidedForceCode = ForceCode;
        Touch();
    }

    public void DecideNotToDisseminate(NotDisseminatedReason reason, string? note, string analyst, DateTime nowUtc)
    {
        RequireClaimant(analyst, "decide on");
        if (HasNewInformation) throw new DomainRuleException($"{Reference} cannot be decided yet: {NewInformationBlocks}");
        if (reason is Contacts.NotDisseminatedReason.Other or Contacts.NotDisseminatedReason.Duplicate
            or Contacts.NotDisseminatedReason.PersonalComplaint && string.IsNullOrWhiteSpace(note))
            throw new DomainRuleException(reason switch
            {
                Contacts.NotDisseminatedReason.Duplicate => "Give the reference this contact duplicates.",
                Contacts.NotDisseminatedReason.PersonalComplaint => "Record the signposting given (force complaints, IOPC, PIRC or Police Ombudsman).",
                _ => "Explain the reason in a few words.",
            });
        Status = ContactStatus.NotDisseminated;
        NotDisseminatedReason = reason;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedBy = analyst;
        DecidedAtUtc = nowUtc;
        DecidedForceCode = ForceCode;
        Touch();
    }

    /// <summary>A disseminated contact goes to another force as well (a second dissemination). The decision stays the
    /// one made (who, when, for which force); who re-routed it is on the dissemination and in the audit trail.</summary>
    public void Reroute(string toForceCode, string reason)
    {
        if (Status != ContactStatus.Disseminated) throw new DomainRuleException($"Only a disseminated contact can be re-routed; {Reference} is {Status}.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Say why the contact is re-routed.");
        if (toForceCode == ForceCode) throw new DomainRuleException("The contact has already gone to that force.");
        if (toForceCode == UnknownForce) throw new DomainRuleException("Choose a real force to re-route to.");
        DecidedForceCode ??= ForceCode; // a contact decided before the column existed
        ForceCode = toForceCode;
        Touch();
    }

    public void ScheduleReview(DateTime reviewAtUtc) => ReviewAtUtc = reviewAtUtc;

    public const string PurgedText = "[purged under the retention schedule]";
    public const string MinimisedText = "[original account minimised under the retention schedule; the sanitised account is what the force received]";

    /// <summary>The yearly review of a contact nobody decided: a supervisor keeps it for another period (the reason goes
    /// to the audit trail)…</summary>
    public void KeepUndecided(DateTime untilUtc)
    {
        RequireOpen("keep");
        KeptUndecidedUntilUtc = untilUtc;
        Touch();
    }

    /// <summary>…or closes it, not disseminated, so that it can be purged at once. The figures count it as decided by
    /// the supervisor, now, for the reason "Other" with this note.</summary>
    public void CloseAtRetentionReview(string supervisor, DateTime nowUtc)
    {
        RequireOpen("close");
        Status = ContactStatus.NotDisseminated;
        NotDisseminatedReason = Contacts.NotDisseminatedReason.Other;
        DecisionNote = ClosedAtReviewNote;
        DecidedBy = supervisor;
        DecidedAtUtc = nowUtc;
        DecidedForceCode = ForceCode;
        ClaimedBy = null;
        Touch();
    }

    public const string ClosedAtReviewNote = "Closed undecided at the yearly retention review";

    /// <summary>Retention, for a contact not disseminated: keeps the reference and what the figures count (force, dates,
    /// status, reason, urgency, who decided) and nothing anyone said. Follow-ups and identifiers go with it (the service).</summary>
    public void Purge(DateTime nowUtc)
    {
        if (IsOpen) throw new DomainRuleException($"{Reference} is still open: it cannot be purged.");
        Account = PurgedText;
        ReportedSubject = Subject = SubjectDetails.None;
        WhenHappened = WhereHappened = HowKnown = null;
        Reporter = ReporterDetails.Anonymous;
        FollowUpCodeHash = null;
        SanitisedAccount = null;
        DecisionNote = null;
        FastTimeCall = null;
        // The grade stays for the figures; the handling conditions are words an analyst wrote about this report.
        Grading = Grading is null ? null : Grading with { HandlingConditions = null };
        FlagDecisions = [];
        PurgedAtUtc = nowUtc;
        ReviewAtUtc = null;
        Touch();
    }

    /// <summary>Retention, for a disseminated contact: the reporter's own words and details go; what the force received
    /// (the sanitised account, the subject, grading, categories) stays for the force's later questions.</summary>
    public void Minimise(DateTime nowUtc)
    {
        if (Status != ContactStatus.Disseminated) throw new DomainRuleException($"Only a disseminated contact is minimised; {Reference} is {Status}.");
        Account = MinimisedText;
        WhenHappened = WhereHappened = HowKnown = null;
        Reporter = ReporterDetails.Anonymous;
        ReportedSubject = SubjectDetails.None;
        FollowUpCodeHash = null;
        FlagDecisions = [];
        MinimisedAtUtc = nowUtc;
        ReviewAtUtc = null;
        Touch();
    }

    public void ExpireFollowUpCode()
    {
        FollowUpCodeHash = null;
        Touch();
    }

    private const string NewInformationBlocks = "The reporter sent new information: read it and mark it as read first.";

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

    private void Touch() => Version++;
}
