using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Events;
using Nacars.Core.Forces;
using Nacars.Core.Intake.Attachments;

namespace Nacars.Core.Triage;

/// <summary>Working a contact: every change goes through the aggregate's guarded methods, is audited in the same
/// transaction, and is announced to every dashboard.</summary>
public sealed class TriageService(IDbContextFactory<NacarsDbContext> dbFactory, IContactNotifier notifier, TimeProvider clock, IAttachmentStore attachmentStore,
    Assistance.ContactIdentifiers identifiers, Operations.NacarsMetrics metrics)
{
    /// <summary>A contact with everything the contact page shows: follow-ups, questions, files (one query each rather
    /// than one query multiplying the three).</summary>
    private static IQueryable<Contact> Whole(NacarsDbContext db) =>
        db.Contacts.AsNoTracking().Include(c => c.FollowUps).Include(c => c.Questions).Include(c => c.Attachments).AsSplitQuery();

    /// <summary>Opens a contact for reading. Every opening is audited (DPA 2018 s.62).</summary>
    public async Task<Contact?> OpenAsync(string reference, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Staff.StaffRoles.RequireAnyAsync(db, actor, Staff.Roles.Triage, "open a contact", ct);
        var contact = await Whole(db).SingleOrDefaultAsync(c => c.Reference == reference, ct);
        if (contact is null) return null;
        var firstView = !await db.AuditEvents.AnyAsync(e => e.ContactReference == reference && e.Action == AuditActions.ContactViewed, ct);
        db.AuditEvents.Add(new AuditEvent(Now, actor, AuditActions.ContactViewed, reference));
        await db.SaveChangesAsync(ct);
        if (firstView) metrics.FirstViewed(contact.ReceivedAtUtc, Now);
        return contact;
    }

    /// <summary>Reloads a contact the analyst already has open (after their own change or a live event): not a new view.</summary>
    public async Task<Contact?> ReloadAsync(string reference, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Whole(db).SingleOrDefaultAsync(c => c.Reference == reference, ct);
    }

    public Task<Contact> ClaimAsync(string reference, string analyst, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.Claim(analyst, Now), AuditActions.ContactClaimed, null, ContactEventKind.ContactClaimed, ct);

    public Task<Contact> ReleaseAsync(string reference, string analyst, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.Release(analyst), AuditActions.ContactReleased, null, ContactEventKind.ContactReleased, ct);

    /// <summary>A supervisor gives an open contact to another analyst. Checked here, not only on the page: the caller
    /// must be a supervisor and the new owner an enabled analyst.</summary>
    public async Task<Contact> ReassignAsync(string reference, string supervisor, string toAnalyst, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await Staff.StaffRoles.RequireAsync(db, supervisor, Staff.Roles.Supervisor, "reassign a contact", ct);
            if (!await Staff.StaffRoles.HasAsync(db, toAnalyst, Staff.Roles.Analyst, ct))
                throw new DomainRuleException($"{toAnalyst} is not an analyst who can take a contact.");
        }
        return await ChangeAsync(reference, supervisor, c => c.Reassign(toAnalyst, Now), AuditActions.ContactReassigned, $"to {toAnalyst}", ContactEventKind.ContactClaimed, ct);
    }

    /// <summary>Who a supervisor can give a contact to: enabled analysts, those signed in (active in the last hour) first.</summary>
    public async Task<IReadOnlyList<(string UserName, string DisplayName, bool SignedIn)>> AnalystsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Staff.StaffRoles.AnalystsAsync(db, Now.AddHours(-1), ct);
    }

    public Task<Contact> TickAsync(string reference, string analyst, ThresholdCheck check, bool ticked, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.Tick(check, ticked, analyst, Now), AuditActions.ThresholdTicked,
            $"{check} {(ticked ? "ticked" : "unticked")}", ContactEventKind.ContactUpdated, ct);

    public Task<Contact> FlagUrgentAsync(string reference, string analyst, bool urgent, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.FlagUrgent(urgent, analyst), AuditActions.ContactEdited,
            urgent ? "flagged urgent" : "urgent flag removed", ContactEventKind.ContactUpdated, ct);

    public Task<Contact> ClassifyAsync(string reference, string analyst, IEnumerable<string> categories, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.Classify(categories, analyst), AuditActions.ContactEdited, "categories", ContactEventKind.ContactUpdated, ct);

    public Task<Contact> CorrectSubjectAsync(string reference, string analyst, SubjectDetails subject, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.CorrectSubject(subject, analyst), AuditActions.ContactEdited, "subject details", ContactEventKind.ContactUpdated, ct);

    public async Task<Contact> AssignForceAsync(string reference, string analyst, string forceCode, CancellationToken ct = default)
    {
        if (!ForceDirectory.Entries.Any(e => e.Code == forceCode)) throw new DomainRuleException($"'{forceCode}' is not a force in the directory.");
        return await ChangeAsync(reference, analyst, c => c.AssignForce(forceCode, analyst), AuditActions.ContactEdited, $"force {forceCode}", ContactEventKind.ContactUpdated, ct);
    }

    public Task<Contact> WriteSanitisedAccountAsync(string reference, string analyst, string text, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.WriteSanitisedAccount(text, analyst), AuditActions.ContactEdited, "sanitised account", null, ct);

    /// <summary>One click on a flagged detail: redact it (the text is replaced by its neutral phrase in the sanitised
    /// account) or keep it with the reason. Audited either way; the reason is in the (encrypted) audit detail.</summary>
    public Task<Contact> ResolveReporterFlagAsync(string reference, string analyst, string flagId, bool keep, string? reason, CancellationToken ct = default)
    {
        string? kind = null;
        return ChangeAsync(reference, analyst, c =>
        {
            var flag = Assistance.ReporterFlagCheck.Unresolved(c).FirstOrDefault(f => f.FlagId == flagId)
                ?? throw new DomainRuleException("That detail is no longer in the sanitised account.");
            kind = flag.Kind;
            if (!keep) c.WriteSanitisedAccount(c.SanitisedAccount![..flag.Start] + flag.Replacement + c.SanitisedAccount[flag.End..], analyst);
            c.ResolveReporterFlag(flagId, keep, reason, analyst, Now);
        }, AuditActions.ReporterFlagResolved, null, ContactEventKind.ContactUpdated, ct, () => keep ? $"kept a {kind} detail: {reason?.Trim()}" : $"redacted a {kind} detail");
    }

    public Task<Contact> GradeAsync(string reference, string analyst, Grading grading, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.Grade(grading, analyst), AuditActions.ContactEdited, $"graded {grading}", ContactEventKind.ContactUpdated, ct);

    public Task<Contact> LogFastTimeCallAsync(string reference, string analyst, string numberCalled, string personSpokenTo, string outcome, DateTime? calledAtUtc = null, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst,
            c => c.LogFastTimeCall(new FastTimeCall(calledAtUtc ?? Now, numberCalled, personSpokenTo.Trim(), outcome.Trim(), analyst), analyst, Now),
            AuditActions.FastTimeCallLogged,
            $"called {numberCalled} at {UkTime.Format(calledAtUtc ?? Now)} UK{(calledAtUtc is null ? "" : $" (entered at {UkTime.Format(Now)})")}; spoke to {personSpokenTo}",
            ContactEventKind.ContactUpdated, ct);

    public async Task<Contact> DecideNotToDisseminateAsync(string reference, string analyst, NotDisseminatedReason reason, string? note, CancellationToken ct = default)
    {
        var decided = await ChangeAsync(reference, analyst, c => c.DecideNotToDisseminate(reason, note, analyst, Now), AuditActions.NotDisseminated,
            reason.ToString(), ContactEventKind.ContactDecided, ct);
        metrics.NotDisseminated(reason);
        return decided;
    }

    /// <summary>Asks the reporter a question they see when they return with their reference and code (or a call handler
    /// reads out). The text is encrypted at rest; the audit says a question was asked, not what.</summary>
    public Task<Contact> AskReporterAsync(string reference, string analyst, string question, int maxLength, CancellationToken ct = default)
    {
        var text = Intake.ReportValidator.WithoutControlCharacters(question ?? "").Trim();
        if (text.Length > maxLength) throw new DomainRuleException($"A question must be {maxLength:N0} characters or fewer (it is {text.Length:N0}).");
        return ChangeAsync(reference, analyst, c => c.AskReporter(text, analyst, Now), AuditActions.QuestionAsked, "asked the reporter a question",
            ContactEventKind.ContactUpdated, ct, include: q => q.Include(c => c.Questions));
    }

    /// <summary>An analyst has read the reporter's new information (ADR 0011).</summary>
    public Task<Contact> AcknowledgeNewInformationAsync(string reference, string analyst, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.AcknowledgeNewInformation(analyst), AuditActions.NewInformationRead, null, ContactEventKind.ContactUpdated, ct,
            detailAfter: null, include: null, detailBefore: c => $"read new information on a {c.Status} contact");

    /// <summary>New information changes the picture of a contact that was not disseminated: back into triage, claimed.</summary>
    public Task<Contact> ReopenAsync(string reference, string analyst, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.Reopen(analyst, Now), AuditActions.ContactReopened, "reopened after new information", ContactEventKind.ContactClaimed, ct);

    /// <summary>Puts a cleaned picture into the information report, or takes it out.</summary>
    public Task<Contact> IncludeAttachmentInReportAsync(string reference, string analyst, Guid attachmentId, bool include, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.IncludeAttachmentInReport(attachmentId, include, analyst), AuditActions.AttachmentInReport,
            $"{(include ? "included" : "removed")} {attachmentId}", ContactEventKind.ContactUpdated, ct, include: q => q.Include(c => c.Attachments));

    /// <summary>Opens one of the reporter's files for a member of staff to view or download; each opening is audited
    /// (DPA 2018 s.62) before a byte is served. Only pictures are viewed in the page: anything else, or a picture asked
    /// for as a download, is recorded as downloaded. Null when the contact has no such file.</summary>
    public async Task<OpenedAttachment?> OpenAttachmentAsync(string reference, Guid attachmentId, string actor, bool download, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Staff.StaffRoles.RequireAnyAsync(db, actor, Staff.Roles.Triage, "open a reporter's file", ct);
        var attachment = await db.ContactAttachments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == attachmentId && db.Contacts.Any(c => c.Id == a.ContactId && c.Reference == reference), ct);
        if (attachment is null) return null;
        db.AuditEvents.Add(new AuditEvent(Now, actor, download || !attachment.IsPicture ? AuditActions.AttachmentDownloaded : AuditActions.AttachmentViewed, reference,
            $"{attachment.FileName} sha256 {attachment.Sha256}"));
        await db.SaveChangesAsync(ct);
        return new OpenedAttachment(attachment, await attachmentStore.OpenReadAsync(attachment.StoreKey, ct));
    }

    /// <summary>Which fast-time contact to ring now for the contact's force (in or out of UK office hours, which close on
    /// the bank holidays of the force's nation).</summary>
    public async Task<(Force Force, FastTimeContact Contact)?> FastTimeContactAsync(string forceCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var force = await db.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Code == forceCode, ct);
        if (force is null) return null;
        var today = DateOnly.FromDateTime(UkTime.FromUtc(Now));
        var bankHoliday = await db.BankHolidays.AnyAsync(h => h.Nation == force.Nation && h.Date == today && !h.Removed, ct);
        return (force, force.FastTimeContactAt(Now, bankHoliday));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Contact> ChangeAsync(string reference, string actor, Action<Contact> change, string auditAction, string? detail,
        ContactEventKind? announce, CancellationToken ct, Func<string?>? detailAfter = null,
        Func<IQueryable<Contact>, IQueryable<Contact>>? include = null, Func<Contact, string>? detailBefore = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Checked here, not only by the page: a circuit can call any method its page can reach.
        await Staff.StaffRoles.RequireAnyAsync(db, actor, Staff.Roles.Triage, "work on a contact", ct);
        var contact = await (include?.Invoke(db.Contacts) ?? db.Contacts).SingleOrDefaultAsync(c => c.Reference == reference, ct)
            ?? throw new DomainRuleException($"There is no contact {reference}.");
        var before = detailBefore?.Invoke(contact);
        change(contact);
        db.AuditEvents.Add(new AuditEvent(Now, actor, auditAction, reference, detailAfter?.Invoke() ?? before ?? detail));
        await identifiers.KeepInStepAsync(db, ct); // the subject or the force may have changed
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ContactChangedException($"Someone else changed {reference} a moment ago. The page now shows the latest; check it and try again.");
        }
        if (announce is { } kind)
            await notifier.PublishAsync(new ContactEvent(kind, reference, contact.Status.ToString(), actor, Now, contact.ClaimedBy, contact.Urgent));
        return contact;
    }
}
