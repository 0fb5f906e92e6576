using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Events;
using Nacars.Core.Forces;

namespace Nacars.Core.Intake;

/// <summary>What the reporter takes away: shown once, never stored in the clear.</summary>
public sealed record SubmittedReport(string Reference, string FollowUpCode, bool Urgent);

/// <summary>A telephone report in progress: the public fields plus the call details.</summary>
public sealed class TelephoneReport
{
    public ReportSubmission Report { get; set; } = new();
    public DateTime? CallStartedAtUtc { get; set; }
    public bool AnonymityStatementRead { get; set; }
    public bool InterpreterUsed { get; set; }
}

/// <summary>Receives contacts from both channels. Each contact is saved with its audit event in one transaction,
/// then announced to the dashboards.</summary>
public sealed class IntakeService(
    IDbContextFactory<NacarsDbContext> dbFactory,
    IContactNotifier notifier,
    TimeProvider clock,
    IOptions<NacarsOptions> options)
{
    public const string PublicActor = "public";
    private static readonly IReadOnlyCollection<string> ForceCodes = ForceDirectory.Entries.Select(e => e.Code).ToHashSet();

    public IReadOnlyList<ValidationProblem> Validate(ReportSubmission report) =>
        ReportValidator.Validate(report, options.Value.Intake, ForceCodes);

    public Task<SubmittedReport> SubmitOnlineAsync(ReportSubmission report, CancellationToken ct = default) =>
        SubmitAsync(report, Channel.Online, PublicActor, null, null, ct);

    public Task<SubmittedReport> SubmitByTelephoneAsync(TelephoneReport call, string callHandler, Guid? draftId, CancellationToken ct = default)
    {
        var problems = new List<ValidationProblem>(Validate(call.Report));
        if (call.CallStartedAtUtc is null) problems.Add(new("CallStartedAtUtc", "Record when the call started."));
        if (!call.AnonymityStatementRead) problems.Add(new("AnonymityStatementRead", "Read the anonymity statement to the caller and tick the box."));
        if (problems.Count > 0) throw new ReportRejectedException(problems);
        var details = new CallDetails(call.CallStartedAtUtc!.Value, call.AnonymityStatementRead, call.InterpreterUsed, callHandler);
        return SubmitAsync(call.Report, Channel.Telephone, callHandler, details, draftId, ct);
    }

    private async Task<SubmittedReport> SubmitAsync(ReportSubmission r, Channel channel, string actor, CallDetails? call, Guid? draftId, CancellationToken ct)
    {
        var problems = Validate(r);
        if (problems.Count > 0) throw new ReportRejectedException(problems);

        var code = FollowUpCode.New();
        var codeHash = FollowUpCode.Hash(code);
        var now = clock.GetUtcNow().UtcDateTime;
        var categories = r.Categories.Count == 0 ? ["other"] : r.Categories;
        var subject = new SubjectDetails(ReportValidator.Clean(r.SubjectName), ReportValidator.Clean(r.SubjectRole),
            ReportValidator.Clean(r.SubjectNumber), ReportValidator.Clean(r.SubjectWorkplace));

        // The reference is random: on the rare clash with an existing one, draw again in a fresh context.
        for (var attempt = 1; ; attempt++)
        {
            var contact = Contact.Receive(Reference.NewReference(), channel, now, r.Account!.Trim(), categories,
                ReportValidator.Clean(r.ForceCode), subject, ReportValidator.Clean(r.WhenHappened), ReportValidator.Clean(r.WhereHappened),
                ReportValidator.Clean(r.HowKnown), r.ImmediateDanger, ReportValidator.ReporterFrom(r), codeHash, call);

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Contacts.Add(contact);
            db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.ContactReceived, contact.Reference,
                $"{channel}{(contact.Urgent ? ", immediate danger" : "")}"));
            if (draftId is { } id)
            {
                var draft = await db.IntakeDrafts.SingleOrDefaultAsync(d => d.Id == id && d.Owner == actor, ct);
                draft?.MarkSubmitted(contact.Reference);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                if (await ReferenceTakenAsync(contact.Reference, ct)) continue;
                throw;
            }
            // The event's time is when the report was accepted: saved, so it cannot be lost.
            await notifier.PublishAsync(new ContactEvent(ContactEventKind.ContactReceived, contact.Reference, contact.Status.ToString(), null,
                clock.GetUtcNow().UtcDateTime, contact.Urgent ? "urgent" : null, contact.Urgent));
            return new SubmittedReport(contact.Reference, code, contact.Urgent);
        }
    }

    private async Task<bool> ReferenceTakenAsync(string reference, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contacts.AnyAsync(c => c.Reference == reference, ct);
    }

    /// <summary>Adds the reporter's later information. Returns false, saying nothing more, when the reference or
    /// code is wrong, so a guesser learns nothing about which references exist.</summary>
    public async Task<bool> AddFollowUpAsync(string? typedReference, string? code, string text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ReportRejectedException([new("Text", "Tell us what you want to add.")]);
        if (text.Length > options.Value.Intake.FollowUpMaxLength)
            throw new ReportRejectedException([new("Text", $"What you add must be {options.Value.Intake.FollowUpMaxLength:N0} characters or fewer.")]);
        var reference = Reference.Normalise(typedReference);
        if (reference is null) return false;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Reference == reference, ct);
        if (contact is null || !FollowUpCode.Matches(code, contact.FollowUpCodeHash)) return false;

        var now = clock.GetUtcNow().UtcDateTime;
        contact.AddFollowUp(text.Trim(), now);
        db.AuditEvents.Add(new AuditEvent(now, PublicActor, AuditActions.FollowUpAdded, reference));
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new ContactEvent(ContactEventKind.FollowUpAdded, reference, contact.Status.ToString(), null, now, Urgent: contact.Urgent));
        return true;
    }
}

/// <summary>Call handlers' drafts: saved as they type, listed for their owner, never lost.</summary>
public sealed class IntakeDraftService(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> StartAsync(string owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = new IntakeDraft(Guid.CreateVersion7(), owner, clock.GetUtcNow().UtcDateTime);
        draft.Save(JsonSerializer.Serialize(new TelephoneReport { CallStartedAtUtc = draft.CreatedAtUtc }, Json), draft.CreatedAtUtc);
        db.IntakeDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    public async Task SaveAsync(Guid id, string owner, TelephoneReport content, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.IntakeDrafts.SingleOrDefaultAsync(d => d.Id == id && d.Owner == owner, ct)
            ?? throw new DomainRuleException("That draft does not exist or is not yours.");
        draft.Save(JsonSerializer.Serialize(content, Json), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public async Task<TelephoneReport?> LoadAsync(Guid id, string owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.IntakeDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.Owner == owner && d.SubmittedReference == null, ct);
        return draft is null ? null : JsonSerializer.Deserialize<TelephoneReport>(draft.Content, Json);
    }

    public sealed record DraftSummary(Guid Id, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);

    public async Task<IReadOnlyList<DraftSummary>> OpenDraftsAsync(string owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IntakeDrafts.AsNoTracking()
            .Where(d => d.Owner == owner && d.SubmittedReference == null)
            .OrderByDescending(d => d.UpdatedAtUtc)
            .Select(d => new DraftSummary(d.Id, d.CreatedAtUtc, d.UpdatedAtUtc))
            .ToListAsync(ct);
    }
}
