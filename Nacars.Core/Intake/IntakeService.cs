using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Events;
using Nacars.Core.Forces;
using Nacars.Core.Intake.Attachments;

namespace Nacars.Core.Intake;

/// <summary>Receives contacts from both channels. Each contact is saved with its audit event (and the records of its
/// cleaned files) in one transaction, then announced to the dashboards.</summary>
public sealed class IntakeService(
    IDbContextFactory<NacarsDbContext> dbFactory,
    IContactNotifier notifier,
    TimeProvider clock,
    IOptions<NacarsOptions> options,
    AttachmentIntake attachments,
    Assistance.ContactIdentifiers identifiers,
    Operations.NacarsMetrics metrics,
    ILogger<IntakeService> logger)
{
    public const string PublicActor = "public";
    /// <summary>The field a refused file's problem is reported against (next to the file input).</summary>
    public const string AttachmentsField = "Attachments";
    private static readonly IReadOnlyCollection<string> ForceCodes = ForceDirectory.Entries.Select(e => e.Code).ToHashSet();

    /// <summary>The limits on files (MaxFiles 0: the forms take none).</summary>
    public AttachmentOptions AttachmentLimits => attachments.Options;

    public IReadOnlyList<ValidationProblem> Validate(ReportSubmission report) =>
        ReportValidator.Validate(report, options.Value.Intake, ForceCodes);

    /// <summary>A report from the public form, with the files the reporter chose (cleaned and stored only once the text
    /// is valid; all or none; removed again if the report cannot be saved).</summary>
    public Task<SubmittedReport> SubmitOnlineAsync(ReportSubmission report, CancellationToken ct = default) =>
        SubmitOnlineAsync(report, [], ct);

    public Task<SubmittedReport> SubmitOnlineAsync(ReportSubmission report, IReadOnlyList<Stream> files, CancellationToken ct = default) =>
        SubmitAsync(report, Channel.Online, PublicActor, null, null, SubmissionReceipt.HashOf(ReportPurpose, report.SubmissionKey, report.Fingerprint(files.Count)), files, ct);

    public async Task<SubmittedReport> SubmitByTelephoneAsync(TelephoneReport call, string callHandler, Guid? draftId, CancellationToken ct = default)
    {
        await RequireCallHandlerAsync(callHandler, "take a report by telephone", ct);
        ReportValidator.RemoveControlCharacters(call.Report);
        var problems = new List<ValidationProblem>(Validate(call.Report));
        if (call.CallStartedAtUtc is null) problems.Add(new("CallStartedAtUtc", "Record when the call started."));
        if (!call.AnonymityStatementRead) problems.Add(new("AnonymityStatementRead", "Read the anonymity statement to the caller and tick the box."));
        if (problems.Count > 0) throw new ReportRejectedException(problems);
        var details = new CallDetails(call.CallStartedAtUtc!.Value, call.AnonymityStatementRead, call.InterpreterUsed, callHandler);
        // The draft is the call's key: a second click on Submit, or a second tab on the same draft, files it once.
        return await SubmitAsync(call.Report, Channel.Telephone, callHandler, details, draftId,
            draftId is { } id ? SubmissionReceipt.HashOf(DraftPurpose, id.ToString("N")) : null, [], ct);
    }

    private async Task<SubmittedReport> SubmitAsync(ReportSubmission r, Channel channel, string actor, CallDetails? call, Guid? draftId,
        string? keyHash, IReadOnlyList<Stream> files, CancellationToken ct)
    {
        ReportValidator.RemoveControlCharacters(r);
        // Before anything is checked or cleaned: a repeat of a post already taken only shows its reference again.
        if (await AlreadyReceivedAsync(keyHash, ct) is { } earlier) return earlier;
        var problems = Validate(r);
        if (problems.Count > 0) throw new ReportRejectedException(problems);
        var stored = await AcceptFilesAsync(files, ct);
        try
        {
            return await SaveReportAsync(r, channel, actor, call, draftId, keyHash, stored, ct);
        }
        catch (Exception e)
        {
            // Nothing half-saved: the cleaned copies go if the report they belong to could not be saved.
            await DiscardAsync(stored);
            // The same form posted twice at once: the other post saved it first.
            if (e is DbUpdateException && await AlreadyReceivedAsync(keyHash, CancellationToken.None) is { } raced) return raced;
            throw;
        }
    }

    private const string ReportPurpose = "report", DraftPurpose = "call", FollowUpPurpose = "follow-up";

    private async Task<SubmittedReport?> AlreadyReceivedAsync(string? keyHash, CancellationToken ct)
    {
        if (keyHash is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var receipt = await db.SubmissionReceipts.AsNoTracking().Where(s => s.KeyHash == keyHash)
            .Join(db.Contacts, s => s.Reference, c => c.Reference, (s, c) => new { c.Reference, c.Reported.ImmediateDanger, Files = c.Attachments.Count(a => a.FollowUpId == null) })
            .SingleOrDefaultAsync(ct);
        return receipt is null ? null : new SubmittedReport(receipt.Reference, "", receipt.ImmediateDanger, receipt.Files, AlreadyReceived: true);
    }

    /// <summary>Cleans and stores the files, all or none; a refusal becomes a problem next to the file input.</summary>
    private async Task<IReadOnlyList<StoredAttachment>> AcceptFilesAsync(IReadOnlyList<Stream> files, CancellationToken ct)
    {
        if (files.Count == 0) return [];
        try
        {
            if (attachments.Options.MaxFiles <= 0)
                throw new AttachmentRejectedException(AttachmentRejection.TooManyFiles);
            return await attachments.AcceptAllAsync(files, ct);
        }
        catch (AttachmentRejectedException refused)
        {
            // The reason only: never the file's name or content.
            logger.LogInformation("A reporter's file was refused: {Reason}", refused.Reason);
            throw new ReportRejectedException([new(AttachmentsField, ReportText.Refusal(refused, attachments.Options))]);
        }
    }

    private async Task DiscardAsync(IReadOnlyList<StoredAttachment> stored)
    {
        if (await attachments.DiscardAsync(stored) is > 0 and var left) logger.LogWarning("{Count} cleaned file(s) of a report that was not saved could not be removed", left);
    }

    private async Task<SubmittedReport> SaveReportAsync(ReportSubmission r, Channel channel, string actor, CallDetails? call, Guid? draftId,
        string? keyHash, IReadOnlyList<StoredAttachment> stored, CancellationToken ct)
    {
        var code = FollowUpCode.New();
        var codeHash = FollowUpCode.Hash(code);
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = ReportValidator.FactsFrom(r, call);

        // The reference is random: on the rare clash with an existing one, draw again in a fresh context.
        for (var attempt = 1; ; attempt++)
        {
            var contact = Contact.Receive(Reference.NewReference(), channel, now, facts, codeHash);
            foreach (var file in stored) contact.Attach(file.ForContact(), now);

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Contacts.Add(contact);
            if (keyHash is not null) db.SubmissionReceipts.Add(new SubmissionReceipt(keyHash, contact.Reference, now));
            db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.ContactReceived, contact.Reference,
                $"{channel}{(contact.Urgent ? ", immediate danger" : "")}{(stored.Count > 0 ? $", {stored.Count} file(s)" : "")}"));
            if (draftId is { } id)
            {
                var draft = await db.IntakeDrafts.SingleOrDefaultAsync(d => d.Id == id && d.Owner == actor, ct);
                draft?.MarkSubmitted(contact.Reference);
            }
            await identifiers.KeepInStepAsync(db, ct);
            using (var saving = Operations.NacarsTracing.Source.StartActivity("report.save"))
            {
                saving?.SetTag("nacars.channel", Operations.NacarsMetrics.ChannelLabel(channel));
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException) when (attempt < 5)
                {
                    if (await ReferenceTakenAsync(contact.Reference, ct) && await AlreadyReceivedAsync(keyHash, ct) is null) continue;
                    throw;
                }
            }
            metrics.ReportReceived(channel);
            // The event's time is when the report was accepted: saved, so it cannot be lost.
            using (Operations.NacarsTracing.Source.StartActivity("report.notify"))
                await notifier.PublishAsync(new ContactEvent(ContactEventKind.ContactReceived, contact.Reference, contact.Status.ToString(), null,
                    clock.GetUtcNow().UtcDateTime, contact.Urgent ? "urgent" : null, contact.Urgent));
            return new SubmittedReport(contact.Reference, code, contact.Urgent, stored.Count);
        }
    }

    private async Task<bool> ReferenceTakenAsync(string reference, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contacts.AnyAsync(c => c.Reference == reference, ct);
    }

    // Staff acting for a caller are checked here, not only by the page (a circuit can call any method its page can reach).
    private Task RequireCallHandlerAsync(string actor, string doing, CancellationToken ct) =>
        Staff.StaffRoles.RequireAsync(dbFactory, actor, Staff.Roles.CallHandler, doing, ct);

    /// <summary>The questions analysts asked about a report, for the reporter who gives its reference and follow-up
    /// code. Null, saying nothing more, when either is wrong: a guesser learns nothing about which references exist.</summary>
    /// <param name="callHandler">The call handler reading the questions to a caller: their reading is audited like any
    /// view of a contact (DPA 2018 s.62). Null for the reporter online.</param>
    public async Task<ReporterDialogue?> OpenDialogueAsync(string? typedReference, string? code, CancellationToken ct = default, string? callHandler = null)
    {
        if (callHandler is not null) await RequireCallHandlerAsync(callHandler, "read a reporter's questions to a caller", ct);
        var reference = Reference.Normalise(typedReference);
        if (reference is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Reference == reference)
            .Select(c => new { c.Id, c.FollowUpCodeHash }).SingleOrDefaultAsync(ct);
        if (!FollowUpCode.Matches(code, contact?.FollowUpCodeHash ?? FollowUpCode.Decoy) || contact is null) return null;
        var dialogue = new ReporterDialogue(reference, await QuestionsAsync(db, contact.Id, ct));
        if (callHandler is not null)
        {
            db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow().UtcDateTime, callHandler, AuditActions.ContactViewed, reference,
                $"questions read to the caller ({dialogue.Questions.Count})"));
            await db.SaveChangesAsync(ct);
        }
        return dialogue;
    }

    /// <summary>Whether the reference and follow-up code go together, in the same time whether the reference exists or
    /// not; nothing else about the contact is read.</summary>
    public async Task<bool> CodeMatchesAsync(string? typedReference, string? code, CancellationToken ct = default)
    {
        var reference = Reference.Normalise(typedReference);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = reference is null ? null : await db.Contacts.AsNoTracking().Where(c => c.Reference == reference)
            .Select(c => c.FollowUpCodeHash).SingleOrDefaultAsync(ct);
        return FollowUpCode.Matches(code, hash ?? FollowUpCode.Decoy) && hash is not null;
    }

    /// <summary>The confirmation of a report again (in the other language), for the reporter who gives its reference
    /// and code; null, saying nothing more, when either is wrong.</summary>
    public async Task<SubmittedReport?> ConfirmationAsync(string? typedReference, string? code, CancellationToken ct = default)
    {
        var reference = Reference.Normalise(typedReference);
        if (reference is null || code is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Reference == reference)
            .Select(c => new { c.FollowUpCodeHash, c.Reported.ImmediateDanger, Files = c.Attachments.Count(a => a.FollowUpId == null) }).SingleOrDefaultAsync(ct);
        return FollowUpCode.Matches(code, contact?.FollowUpCodeHash ?? FollowUpCode.Decoy) && contact is not null
            ? new SubmittedReport(reference, code.Trim().ToUpperInvariant(), contact.ImmediateDanger, contact.Files) : null;
    }

    private static async Task<IReadOnlyList<ReporterQuestionView>> QuestionsAsync(NacarsDbContext db, Guid contactId, CancellationToken ct)
    {
        var questions = await db.ReporterQuestions.AsNoTracking().Where(q => q.ContactId == contactId).OrderBy(q => q.AskedAtUtc)
            .Select(q => new { q.Id, q.AskedAtUtc, q.Text }).ToListAsync(ct);
        var answered = await db.FollowUps.AsNoTracking().Where(f => f.ContactId == contactId && f.QuestionId != null)
            .Select(f => f.QuestionId!.Value).Distinct().ToListAsync(ct);
        return [.. questions.Select(q => new ReporterQuestionView(q.Id, q.AskedAtUtc, q.Text, answered.Contains(q.Id)))];
    }

    /// <summary>The reporter's later information as plain text (kept for callers with nothing else to add).</summary>
    public Task<bool> AddFollowUpAsync(string? typedReference, string? code, string text, CancellationToken ct = default) =>
        AddFollowUpAsync(new FollowUpSubmission { Reference = typedReference, Code = code, Text = text }, PublicActor, [], ct);

    /// <summary>
    /// Adds what a reporter sends later: text, answers to the analysts' questions and files, all in one save with the
    /// audit event. <paramref name="actor"/> is <see cref="PublicActor"/> online, or the call handler who keyed it in for
    /// a caller. Returns false, saying nothing more, when the reference or code is wrong. The contact is marked as having
    /// new information and announced, so an analyst sees it even if it was decided long ago (ADR 0011).
    /// </summary>
    /// <exception cref="ReportRejectedException">Nothing to add, too long, or a file refused; nothing was saved.</exception>
    public async Task<bool> AddFollowUpAsync(FollowUpSubmission s, string actor, IReadOnlyList<Stream> files, CancellationToken ct = default)
    {
        if (actor != PublicActor) await RequireCallHandlerAsync(actor, "take new information from a caller", ct);
        var limits = options.Value.Intake;
        var text = ReportValidator.Clean(s.Text is null ? null : ReportValidator.WithoutControlCharacters(s.Text));
        var answers = s.Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value))
            .Select(a => (QuestionId: a.Key, Text: ReportValidator.Clean(ReportValidator.WithoutControlCharacters(a.Value!))!))
            .Where(a => a.Text is not null).OrderBy(a => a.QuestionId).ToList();
        var problems = new List<ValidationProblem>();
        if (text is null && answers.Count == 0 && files.Count == 0) problems.Add(new(nameof(FollowUpSubmission.Text), ReportText.Get("Problem.FollowUp.Required")));
        if (text is { Length: var length } && length > limits.FollowUpMaxLength)
            problems.Add(new(nameof(FollowUpSubmission.Text), ReportText.Format("Problem.FollowUp.TooLong", limits.FollowUpMaxLength, length)));
        foreach (var (id, answer) in answers.Where(a => a.Text.Length > limits.FollowUpMaxLength))
            problems.Add(new($"Answers[{id}]", ReportText.Format("Problem.Answer.TooLong", limits.FollowUpMaxLength, answer.Length)));
        if (problems.Count > 0) throw new ReportRejectedException(problems);

        var reference = Reference.Normalise(s.Reference);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The code is checked before anything else about the contact is read (or decrypted), in the same time whether
        // the reference exists or not: the answer's timing says nothing about which references exist.
        var found = reference is null ? null : await db.Contacts.AsNoTracking().Where(c => c.Reference == reference)
            .Select(c => new { c.Id, c.FollowUpCodeHash }).SingleOrDefaultAsync(ct);
        if (!FollowUpCode.Matches(s.Code, found?.FollowUpCodeHash ?? FollowUpCode.Decoy) || found is null || reference is null) return false;
        var keyHash = SubmissionReceipt.HashOf(FollowUpPurpose, s.SubmissionKey,
            string.Join('\u001f', [reference, text ?? "", .. answers.Select(a => $"{a.QuestionId}={a.Text}"), files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        if (keyHash is not null && await db.SubmissionReceipts.AnyAsync(r => r.KeyHash == keyHash, ct)) return true;
        var contact = await db.Contacts.Include(c => c.Questions).SingleAsync(c => c.Id == found.Id, ct);

        var stored = await AcceptFilesAsync(files, ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var takenBy = actor == PublicActor ? null : actor;
            // Only questions asked about this contact are answered (a tampered form cannot attach an answer elsewhere).
            var added = answers.Where(a => contact.Questions.Any(q => q.Id == a.QuestionId))
                .Select(a => contact.AddFollowUp(a.Text, now, a.QuestionId, takenBy)).ToList();
            if (text is not null || (added.Count == 0 && stored.Count > 0)) added.Add(contact.AddFollowUp(text, now, null, takenBy, withFiles: stored.Count > 0));
            if (added.Count == 0) throw new ReportRejectedException([new(nameof(FollowUpSubmission.Text), ReportText.Get("Problem.FollowUp.Required"))]);
            foreach (var file in stored) contact.Attach(file.ForContact(), now, added[^1]);
            var answered = added.Count(f => f.QuestionId is not null);
            db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.FollowUpAdded, reference, string.Join(", ", new[]
            {
                answered > 0 ? $"{answered} answer(s)" : null, text is not null ? "information" : null, stored.Count > 0 ? $"{stored.Count} file(s)" : null,
                contact.IsOpen ? null : $"new information on a {contact.Status} contact",
            }.OfType<string>())));
            if (keyHash is not null) db.SubmissionReceipts.Add(new SubmissionReceipt(keyHash, reference, now));
            await identifiers.KeepInStepAsync(db, ct);
            await db.SaveChangesAsync(ct);
            await notifier.PublishAsync(new ContactEvent(ContactEventKind.FollowUpAdded, reference, contact.Status.ToString(), null, now,
                contact.IsOpen ? null : "new-information", contact.Urgent));
            return true;
        }
        catch (Exception e)
        {
            await DiscardAsync(stored);
            // The same form posted twice at once: the other post added it.
            if (e is DbUpdateException && await AlreadyReceivedAsync(keyHash, CancellationToken.None) is not null) return true;
            throw;
        }
    }
}
