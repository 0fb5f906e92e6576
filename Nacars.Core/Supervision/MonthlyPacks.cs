using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;
using Nacars.Core.Staff;
using Nacars.Core.ForceFeedback;

namespace Nacars.Core.Supervision;

/// <summary>
/// Each force's monthly pack: built from last month's figures, rendered as a PDF and queued to the force's nominated
/// mailbox through the outbox. The Message-ID is made from the force and the month, so the pack is queued once whoever
/// asks (the job on every instance, after any restart); a supervisor may preview it and send it again by hand, audited.
/// </summary>
public sealed class MonthlyPacks(
    IDbContextFactory<NacarsDbContext> dbFactory,
    MonthlyPackRenderer renderer,
    OutboxSignal outbox,
    TimeProvider clock,
    IOptions<NacarsOptions> options)
{
    public const string Actor = "monthly-packs";
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private ServiceIdentity Service => options.Value.Service;

    public static string MessageIdFor(string forceCode, string month, string domain) => $"monthly-pack-{forceCode}-{month}@{domain}";

    public async Task<MonthlyPack> BuildAsync(string forceCode, string month, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var force = await db.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Code == forceCode, ct) ?? throw new DomainRuleException($"'{forceCode}' is not a force.");
        var first = Months.FirstDay(month);
        var (from, to) = (UkTime.ToUtc(first.ToDateTime(TimeOnly.MinValue)), UkTime.ToUtc(first.AddMonths(1).ToDateTime(TimeOnly.MinValue)));
        var received = db.Contacts.AsNoTracking().Where(c => c.ReceivedAtUtc >= from && c.ReceivedAtUtc < to);
        var national = await received.GroupBy(c => c.Status == ContactStatus.Disseminated).Select(g => new { Sent = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ours = await received.Where(c => c.ForceCode == forceCode)
            .Select(c => new { c.Status, c.NotDisseminatedReason, c.Urgent, Called = c.FastTimeCall != null }).ToListAsync(ct);
        var sends = await (from d in db.Disseminations.AsNoTracking()
                           where d.ForceCode == forceCode && d.ContactReceivedMonth == month && d.DeliveredAtUtc != null
                           join c in db.Contacts on d.ContactId equals c.Id
                           orderby d.CreatedAtUtc
                           select new { d.ContactId, d.Reference, Sent = d.DeliveredAtUtc!.Value, c.Urgent, d.AcknowledgedAtUtc, d.AcknowledgeWorkingMinutes, d.ReminderSentAtUtc })
            .ToListAsync(ct);
        var outcomes = await ForceFeedbackFigures.LatestOutcomesAsync(db, sends.Select(s => s.ContactId).Distinct().ToList(), ct);
        string? OutcomeOf(Guid contact) => outcomes.GetValueOrDefault((contact, forceCode)) is { } kind ? OutcomeKinds.LabelOf(kind) : null;
        var (median, p90) = AcknowledgementTimes.HoursOf(sends.Where(s => s.AcknowledgeWorkingMinutes is not null).Select(s => s.AcknowledgeWorkingMinutes!.Value));
        var nationalTotal = national.Sum(n => n.Count);
        return new MonthlyPack(force.Code, force.Name, month, Now, Service.Name, Service.QueriesContact,
            Contacts: ours.Count,
            Disseminated: ours.Count(c => c.Status == ContactStatus.Disseminated),
            NotDisseminated: ours.Where(c => c.Status == ContactStatus.NotDisseminated && c.NotDisseminatedReason is not null)
                .GroupBy(c => c.NotDisseminatedReason!.Value).OrderBy(g => g.Key).Select(g => new PackCount(NotDisseminatedReasons.Describe(g.Key), g.Count())).ToList(),
            Urgent: ours.Count(c => c.Urgent), FastTimeCalls: ours.Count(c => c.Called),
            Acknowledged: sends.Count(s => s.AcknowledgedAtUtc is not null), median, p90,
            RemindersSent: sends.Count(s => s.ReminderSentAtUtc is not null),
            Outcomes: sends.Select(s => OutcomeOf(s.ContactId)).OfType<string>().GroupBy(o => o).OrderBy(g => g.Key).Select(g => new PackCount(g.Key, g.Count())).ToList(),
            Reports: sends.Select(s => new PackReport(s.Reference, s.Sent, s.Urgent, s.AcknowledgedAtUtc, s.AcknowledgeWorkingMinutes / 60.0, OutcomeOf(s.ContactId))).ToList(),
            NationalRate: nationalTotal == 0 ? 0 : national.Where(n => n.Sent).Sum(n => n.Count) / (double)nationalTotal,
            PilotRate: SupervisionStatistics.ReferenceRatePercent / 100.0);
    }

    /// <summary>The pack as it would be sent now, for a supervisor to read first. Audited.</summary>
    public async Task<(string FileName, byte[] Pdf)> PreviewAsync(string forceCode, string month, string supervisor, CancellationToken ct = default)
    {
        await StaffRoles.RequireAsync(dbFactory, supervisor, Roles.Supervisor, "preview a force's monthly pack", ct);
        var pack = await BuildAsync(forceCode, month, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEvents.Add(new AuditEvent(Now, supervisor, AuditActions.MonthlyPackPreviewed, null, $"{forceCode} {month}"));
        await db.SaveChangesAsync(ct);
        return (pack.FileName, renderer.Render(pack));
    }

    /// <summary>A supervisor sends a force's pack by hand: queued if it never was, or sent again (same Message-ID, so the
    /// force's mail system sees one pack) if it was.</summary>
    public async Task SendByHandAsync(string forceCode, string month, string supervisor, CancellationToken ct = default)
    {
        await StaffRoles.RequireAsync(dbFactory, supervisor, Roles.Supervisor, "send a force's monthly pack", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var messageId = MessageIdFor(forceCode, month, Service.MessageIdDomain);
        if (await db.OutboxMessages.SingleOrDefaultAsync(m => m.MessageId == messageId, ct) is { } sent)
        {
            var mailbox = await MailboxOfAsync(db, forceCode, ct);
            // What goes is what the preview shows: the pack built afresh (outcomes told since the first send included).
            sent.SendAgain(mailbox, renderer.Render(await BuildAsync(forceCode, month, ct)), Now);
            db.AuditEvents.Add(new AuditEvent(Now, supervisor, AuditActions.MonthlyPackQueued, null, $"{forceCode} {month} sent again to <{mailbox}>"));
            await db.SaveChangesAsync(ct);
            outbox.Wake();
            return;
        }
        await QueueAsync(forceCode, month, supervisor, ct);
    }

    /// <summary>Queues the pack unless it already is. Returns whether this call queued it.</summary>
    public async Task<bool> QueueAsync(string forceCode, string month, string actor, CancellationToken ct = default)
    {
        var messageId = MessageIdFor(forceCode, month, Service.MessageIdDomain);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.OutboxMessages.AnyAsync(m => m.MessageId == messageId, ct)) return false;
        var mailbox = await MailboxOfAsync(db, forceCode, ct);
        var pack = await BuildAsync(forceCode, month, ct);
        var monthName = Months.FirstDay(month).ToString("MMMM yyyy", UkTime.Culture);
        var body = $"""
            {Service.Name}

            Please find attached the monthly pack for {pack.ForceName}, {monthName}: the contacts about your force, what was
            sent to you, how quickly each was acknowledged, and the outcomes you have told us. It contains no reporter details.

            Queries: {Service.QueriesContact}.
            """;
        db.OutboxMessages.Add(new OutboxMessage(Guid.CreateVersion7(), null, null, mailbox, $"NACARS monthly pack {pack.ForceName} {monthName}", body,
            messageId, pack.FileName, renderer.Render(pack), Now, autoSubmitted: true));
        db.AuditEvents.Add(new AuditEvent(Now, actor, AuditActions.MonthlyPackQueued, null, $"{forceCode} {month} to <{mailbox}>"));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another instance queued it between the check and this save (one message per Message-ID).
            if (await QueuedAsync(messageId)) return false;
            throw;
        }
        outbox.Wake();
        return true;
    }

    /// <summary>Last month's pack for every force with a mailbox. Returns how many this call queued.</summary>
    public async Task<int> QueueAllAsync(string month, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var forces = await db.Forces.AsNoTracking().Where(f => f.Code != Contact.UnknownForce && f.NominatedMailbox != null).Select(f => f.Code).ToListAsync(ct);
        var queued = 0;
        foreach (var force in forces)
            if (await QueueAsync(force, month, Actor, ct)) queued++;
        return queued;
    }

    /// <summary>Where the pack of each force stands for a month (null: not queued), for the supervision page.</summary>
    public async Task<IReadOnlyDictionary<string, OutboxState>> StatesAsync(string month, CancellationToken ct = default)
    {
        var prefix = "monthly-pack-";
        var suffix = $"-{month}@{Service.MessageIdDomain}";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageId.StartsWith(prefix) && m.MessageId.EndsWith(suffix))
            .Select(m => new { m.MessageId, m.State }).ToListAsync(ct);
        return rows.ToDictionary(r => r.MessageId[prefix.Length..^suffix.Length], r => r.State, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<bool> QueuedAsync(string messageId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.OutboxMessages.AnyAsync(m => m.MessageId == messageId);
    }

    private static async Task<string> MailboxOfAsync(NacarsDbContext db, string forceCode, CancellationToken ct) =>
        await db.Forces.Where(f => f.Code == forceCode).Select(f => f.NominatedMailbox).SingleOrDefaultAsync(ct) is { Length: > 0 } mailbox
            ? mailbox
            : throw new DomainRuleException($"{ForceDirectory(forceCode)} has no nominated mailbox: add it in the force directory first.");

    private static string ForceDirectory(string forceCode) => Forces.ForceDirectory.NameOf(forceCode);
}
