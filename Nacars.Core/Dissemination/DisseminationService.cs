using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Staff;
using Nacars.Core.Events;

namespace Nacars.Core.Dissemination;

/// <summary>The one-click send: the decision, the dissemination and its outbox message are saved in one
/// transaction, so a crash can lose none of them and a second click finds the contact already decided.</summary>
public sealed class DisseminationService(
    IDbContextFactory<NacarsDbContext> dbFactory,
    IInformationReportRenderer renderer,
    IContactNotifier notifier,
    OutboxSignal outbox,
    TimeProvider clock,
    IOptions<NacarsOptions> options,
    Intake.Attachments.IAttachmentStore attachmentStore,
    Assistance.ContactIdentifiers identifiers,
    Operations.NacarsMetrics metrics)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private ServiceIdentity Service => options.Value.Service;

    public async Task<DisseminationRecord> SendAsync(string reference, string analyst, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAnyAsync(db, analyst, Roles.Triage, "send an information report", ct);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Reference == reference, ct) ?? throw new DomainRuleException($"There is no contact {reference}.");
        var claimedAt = contact.ClaimedAtUtc;
        contact.Disseminate(analyst, Now, Assistance.ReporterFlagCheck.Unresolved(contact).Count);
        var dissemination = await QueueAsync(db, contact, contact.ForceCode, analyst, null, ct);
        db.AuditEvents.Add(new AuditEvent(Now, analyst, AuditActions.Disseminated, reference, $"to {dissemination.ForceCode} <{dissemination.Recipient}>"));
        await SaveOnceAsync(db, reference, ct);
        metrics.Disseminated(claimedAt, Now);
        await AnnounceAsync(reference, ContactEventKind.ContactDecided, contact.Status, analyst);
        return dissemination;
    }

    /// <summary>Sends an already disseminated contact to another force as well: a second dissemination.</summary>
    public async Task<DisseminationRecord> RerouteAsync(string reference, string toForceCode, string reason, string analyst, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAnyAsync(db, analyst, Roles.Triage, "re-route a report", ct);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Reference == reference, ct) ?? throw new DomainRuleException($"There is no contact {reference}.");
        var from = contact.ForceCode;
        contact.Reroute(toForceCode, reason);
        var dissemination = await QueueAsync(db, contact, toForceCode, analyst, reason, ct);
        db.AuditEvents.Add(new AuditEvent(Now, analyst, AuditActions.Rerouted, reference, $"from {from} to {toForceCode} <{dissemination.Recipient}>: {reason}"));
        await identifiers.KeepInStepAsync(db, ct); // a collar number is related within a force: the new force's too
        await SaveOnceAsync(db, reference, ct);
        await AnnounceAsync(reference, ContactEventKind.DisseminationStatusChanged, contact.Status, analyst);
        return dissemination;
    }

    private async Task<DisseminationRecord> QueueAsync(NacarsDbContext db, Contact contact, string forceCode, string analyst, string? rerouteReason, CancellationToken ct)
    {
        var force = await db.Forces.SingleOrDefaultAsync(f => f.Code == forceCode, ct) ?? throw new DomainRuleException($"'{forceCode}' is not a force in the directory.");
        if (force.IsUnknown) throw new DomainRuleException("Choose the force the report goes to.");
        if (string.IsNullOrWhiteSpace(force.NominatedMailbox))
            throw new DomainRuleException($"{force.Name} has no nominated mailbox yet. Ask an admin to add it in the force directory.");
        var pdf = renderer.Render(InformationReport.From(contact, force, Service, Now, await ChosenImagesAsync(db, contact.Id, ct)));
        var dissemination = new DisseminationRecord(Guid.CreateVersion7(), contact.Id, contact.Reference, force.Code, force.NominatedMailbox, Now, analyst, rerouteReason,
            contact.ReceivedAtUtc, reroutedFromForceCode: rerouteReason is null ? null : contact.DecidedForceCode);
        var subject = $"NACARS information report {contact.Reference}{(contact.Urgent ? " URGENT" : "")}";
        var body = $"""
            {Service.Name}

            Please find attached information report {contact.Reference}{(contact.Urgent ? ", flagged URGENT (a fast-time call has been made to the force)" : "")}.
            Protective marking: OFFICIAL-SENSITIVE. Handle in accordance with the handling code in the report.

            This email was sent by the {Service.Name}, run by Crimestoppers, to the force's nominated mailbox.
            Queries: {Service.QueriesContact}, quoting the reference.
            """;
        var message = new OutboxMessage(Guid.CreateVersion7(), dissemination.Id, contact.Reference, force.NominatedMailbox, subject, body,
            MessageIdFor(dissemination.Id), InformationReport.FileNameFor(contact.Reference), pdf, Now);
        db.Disseminations.Add(dissemination);
        db.OutboxMessages.Add(message);
        return dissemination;
    }

    /// <summary>Fixed when queued: a repeat after an unrecorded acceptance is recognisably the same email.</summary>
    public string MessageIdFor(Guid disseminationId) => DisseminationRecord.MessageIdFor(disseminationId, Service.MessageIdDomain);

    private async Task SaveOnceAsync(NacarsDbContext db, string reference, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ContactChangedException($"Someone else changed {reference} a moment ago, so nothing was sent. The page now shows the latest.");
        }
        outbox.Wake();
    }

    private Task AnnounceAsync(string reference, ContactEventKind kind, ContactStatus status, string actor) =>
        notifier.PublishAsync(new ContactEvent(kind, reference, status.ToString(), actor, Now));

    /// <summary>The PDF as it would be sent now, for the analyst to check. Audited.</summary>
    public async Task<InformationReport> PreviewAsync(string reference, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAnyAsync(db, actor, Roles.Triage, "preview an information report", ct);
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference, ct) ?? throw new DomainRuleException($"There is no contact {reference}.");
        var force = await db.Forces.AsNoTracking().SingleAsync(f => f.Code == contact.ForceCode, ct);
        db.AuditEvents.Add(new AuditEvent(Now, actor, AuditActions.ReportPreviewed, reference));
        await db.SaveChangesAsync(ct);
        return InformationReport.From(contact, force, Service, Now, await ChosenImagesAsync(db, contact.Id, ct));
    }

    /// <summary>The cleaned pictures the analyst chose for the report, read back from the encrypted store, oldest first.
    /// Only those: the reporter's other files never leave the service.</summary>
    private async Task<IReadOnlyList<ReportImage>> ChosenImagesAsync(NacarsDbContext db, Guid contactId, CancellationToken ct)
    {
        var chosen = await db.ContactAttachments.AsNoTracking()
            .Where(a => a.ContactId == contactId && a.IncludeInReport && a.Kind == AttachmentKind.Picture)
            .OrderBy(a => a.ReceivedAtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        var images = new List<ReportImage>(chosen.Count);
        foreach (var a in chosen)
        {
            await using var content = await attachmentStore.OpenReadAsync(a.StoreKey, ct);
            using var copy = new MemoryStream((int)Math.Min(a.Length, int.MaxValue));
            await content.CopyToAsync(copy, ct);
            images.Add(new ReportImage($"{a.FileName} · {a.Width} × {a.Height} pixels · received {UkTime.Format(a.ReceivedAtUtc)} (UK) · metadata removed · SHA-256 {a.Sha256}", copy.ToArray()));
        }
        return images;
    }

    public byte[] Render(InformationReport report) => renderer.Render(report);

    public async Task<IReadOnlyList<Delivery>> DeliveriesAsync(string reference, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from d in db.Disseminations.AsNoTracking()
                      where d.Reference == reference
                      join m in db.OutboxMessages.AsNoTracking() on (Guid?)d.Id equals m.DisseminationId into ms
                      from m in ms.DefaultIfEmpty()
                      orderby d.CreatedAtUtc
                      select new
                      {
                          d.Id, MessageId = m == null ? (Guid?)null : m.Id, d.ForceCode, To = m == null ? d.Recipient : m.To,
                          State = m == null ? (OutboxState?)null : m.State, Error = m == null ? null : m.LastError, Attempts = m == null ? 0 : m.Attempts,
                          d.CreatedAtUtc, SentAtUtc = m == null ? null : m.SentAtUtc, d.RerouteReason,
                          d.AcknowledgedAtUtc, d.AcknowledgeWorkingMinutes, d.ReminderSentAtUtc,
                      }).ToListAsync(ct) is var rows
            ? rows.Select(r => new Delivery(r.Id, r.MessageId, r.ForceCode, r.To, DisseminationRecord.StateOf(r.State), r.Error, r.Attempts, r.CreatedAtUtc,
                r.SentAtUtc, r.RerouteReason, r.State == OutboxState.Stuck, r.AcknowledgedAtUtc, r.AcknowledgeWorkingMinutes, r.ReminderSentAtUtc)).ToList()
            : [];
    }

    /// <summary>A person asks for a failed or stuck send to be tried again: from the first attempt, to the mailbox the
    /// force has now. Audited with both addresses when they differ.</summary>
    public async Task RetryAsync(Guid outboxMessageId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAnyAsync(db, actor, Roles.Triage, "send a report again", ct);
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == outboxMessageId, ct) ?? throw new DomainRuleException("That message no longer exists.");
        var forceCode = message.DisseminationId is { } id
            ? await db.Disseminations.Where(d => d.Id == id).Select(d => d.ForceCode).SingleAsync(ct)
            : null;
        var mailbox = forceCode is null ? message.To : await db.Forces.Where(f => f.Code == forceCode).Select(f => f.NominatedMailbox).SingleOrDefaultAsync(ct) ?? "";
        var before = message.To;
        message.Requeue(mailbox, Now);
        db.AuditEvents.Add(new AuditEvent(Now, actor, AuditActions.MailRetried, message.Reference,
            before == message.To ? $"to {message.To}, requested by {actor}" : $"to {message.To} (was {before}), requested by {actor}"));
        await db.SaveChangesAsync(ct);
        outbox.Wake();
        if (message.Reference is not null)
            await notifier.PublishAsync(new ContactEvent(ContactEventKind.DisseminationStatusChanged, message.Reference, DeliveryState.Queued.ToString(), actor, Now));
    }

    /// <summary>Admin: a test email to a force's mailbox, through the same outbox and transport.</summary>
    public async Task<Guid> QueueTestEmailAsync(string forceCode, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAsync(db, actor, Roles.Admin, "send a test email", ct);
        var force = await db.Forces.SingleOrDefaultAsync(f => f.Code == forceCode, ct) ?? throw new DomainRuleException($"'{forceCode}' is not a force.");
        if (string.IsNullOrWhiteSpace(force.NominatedMailbox)) throw new DomainRuleException($"{force.Name} has no nominated mailbox to test.");
        var id = Guid.CreateVersion7();
        db.OutboxMessages.Add(new OutboxMessage(id, null, null, force.NominatedMailbox, "NACARS test message (no action needed)",
            $"{Service.Name}\n\nThis is a test of the secure email route to {force.Name}'s nominated mailbox. No action is needed.\nQueries: {Service.QueriesContact}, quoting the reference.",
            $"{id:N}@{Service.MessageIdDomain}", null, null, Now));
        db.AuditEvents.Add(new AuditEvent(Now, actor, AuditActions.TestMailSent, null, $"to {force.Code} <{force.NominatedMailbox}>"));
        await db.SaveChangesAsync(ct);
        outbox.Wake();
        return id;
    }
}
