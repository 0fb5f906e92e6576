using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Nacars.Core.Audit;
using Nacars.Core.Data;
using Nacars.Core.Events;

namespace Nacars.Core.Dissemination;

/// <summary>Wakes the dispatcher the moment something is queued, so a report leaves within seconds.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try { _signal.Release(); } catch (SemaphoreFullException) { /* already awake */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Drains the outbox: claims one message at a time with a lease (so a crashed dispatcher's claim expires and another
/// picks it up; on Postgres, dispatchers on several instances skip each other's rows), sends it on a connection reused for the burst, and records the outcome. A message is only sent again
/// after a server acceptance that was never recorded, and then with the same Message-ID.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<NacarsDbContext> dbFactory,
    IMailTransport transport,
    OutboxSignal signal,
    IContactNotifier notifier,
    TimeProvider clock,
    IOptions<NacarsOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private MailOptions Mail => options.Value.Mail;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Outbox dispatcher started: {Transport}", transport.Describe());
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The outbox dispatcher hit an error; it will try again");
            }
            try { await signal.WaitAsync(TimeSpan.FromSeconds(Mail.PollSeconds), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Sends everything due now. Public so tests and the benchmark can drive it directly.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var sent = 0;
        IMailSession? session = null;
        try
        {
            while (!ct.IsCancellationRequested && await ClaimNextAsync(ct) is { } message)
            {
                try
                {
                    AllowedRecipient(message.To);
                    session ??= await transport.OpenAsync(ct);
                    await session.SendAsync(ToMime(message), ct);
                    await RecordAsync(message.Id, (m, d, now) => { m.MarkSent(now); d?.MarkSent(now); }, AuditActions.MailSent, $"to {message.To}", ct);
                    sent++;
                }
                catch (PermanentMailException ex)
                {
                    logger.LogWarning("Outbox message {Id} for {Reference} failed permanently: {Reason}", message.Id, message.Reference, ex.Message);
                    await RecordAsync(message.Id, (m, d, _) => { m.Fail(ex.Message); d?.MarkFailed(ex.Message); }, AuditActions.MailFailed, $"to {message.To}: {ex.Message}", ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    var attempts = message.Attempts;
                    var giveUp = attempts >= Mail.MaxAttempts;
                    var backoff = Mail.RetryBackoffSeconds.Length == 0 ? 30 : Mail.RetryBackoffSeconds[Math.Min(attempts, Mail.RetryBackoffSeconds.Length) - 1];
                    logger.LogWarning("Outbox message {Id} for {Reference} not sent (attempt {Attempt}): {Reason}. {Next}", message.Id, message.Reference,
                        attempts, ex.Message, giveUp ? "Giving up." : $"Retrying in {backoff} s.");
                    await RecordAsync(message.Id, (m, d, now) =>
                    {
                        if (giveUp) { m.Fail(ex.Message); d?.MarkFailed(ex.Message); }
                        else m.RetryLater(ex.Message, now.AddSeconds(backoff));
                    }, giveUp ? AuditActions.MailFailed : AuditActions.MailRetried, $"to {message.To}: {ex.Message}", ct);
                    // The relay is in trouble: stop this burst and let the backoff work.
                    if (session is not null) { await session.DisposeAsync(); session = null; }
                    break;
                }
            }
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
        }
        return sent;
    }

    private void AllowedRecipient(string to)
    {
        var allowed = Mail.AllowedRecipientDomains;
        if (allowed.Length == 0) return;
        var domain = to[(to.LastIndexOf('@') + 1)..];
        if (!allowed.Any(a => domain.Equals(a, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + a, StringComparison.OrdinalIgnoreCase)))
            throw new PermanentMailException($"{domain} is not in the allowed recipient domains (Nacars:Mail:AllowedRecipientDomains).");
    }

    private async Task<OutboxMessage?> ClaimNextAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now.AddSeconds(Mail.LeaseSeconds);
        if (db.Database.IsNpgsql())
        {
            // Several instances drain one outbox: each takes the oldest message no other dispatcher holds, in one
            // statement. A row another transaction is claiming is skipped, not waited for.
            var claimedId = (await db.Database.SqlQuery<Guid>($"""
                UPDATE "OutboxMessages" AS m
                SET "State" = 'Sending', "LeaseOwner" = {_owner}, "LeaseExpiresAtUtc" = {leaseUntil}, "Attempts" = m."Attempts" + 1
                WHERE m."Id" = (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE ("State" = 'Queued' AND "NextAttemptAtUtc" <= {now}) OR ("State" = 'Sending' AND "LeaseExpiresAtUtc" < {now})
                    ORDER BY "NextAttemptAtUtc" LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING m."Id" AS "Value"
                """).ToListAsync(ct)).SingleOrDefault();
            return claimedId == Guid.Empty ? null : await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == claimedId, ct);
        }
        for (var tries = 0; tries < 5; tries++)
        {
            var id = await db.OutboxMessages
                .Where(m => (m.State == OutboxState.Queued && m.NextAttemptAtUtc <= now) || (m.State == OutboxState.Sending && m.LeaseExpiresAtUtc < now))
                .OrderBy(m => m.NextAttemptAtUtc).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            if (id is null) return null;
            // The conditional update is the claim: if another dispatcher got there first, it touches no row.
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && ((m.State == OutboxState.Queued && m.NextAttemptAtUtc <= now) || (m.State == OutboxState.Sending && m.LeaseExpiresAtUtc < now)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, OutboxState.Sending)
                    .SetProperty(m => m.LeaseOwner, _owner)
                    .SetProperty(m => m.LeaseExpiresAtUtc, leaseUntil)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (claimed == 1) return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        }
        return null;
    }

    private MimeMessage ToMime(OutboxMessage m)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(Mail.FromName, Mail.FromAddress));
        message.To.Add(MailboxAddress.Parse(m.To));
        message.Subject = m.Subject;
        message.MessageId = m.MessageId;
        message.Date = new DateTimeOffset(m.CreatedAtUtc, TimeSpan.Zero);
        message.Headers.Add("X-NACARS-Reference", m.Reference ?? "test");
        var body = new BodyBuilder { TextBody = m.Body };
        if (m.Attachment is not null && m.AttachmentName is not null)
            body.Attachments.Add(m.AttachmentName, m.Attachment, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private async Task RecordAsync(Guid messageId, Action<OutboxMessage, Dissemination?, DateTime> change, string auditAction, string detail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == messageId, CancellationToken.None);
        var dissemination = message.DisseminationId is { } did ? await db.Disseminations.SingleOrDefaultAsync(d => d.Id == did, CancellationToken.None) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        change(message, dissemination, now);
        db.AuditEvents.Add(new AuditEvent(now, "dispatcher", auditAction, message.Reference, detail));
        await db.SaveChangesAsync(CancellationToken.None);
        if (message.Reference is not null && dissemination is not null)
            await notifier.PublishAsync(new ContactEvent(ContactEventKind.DisseminationStatusChanged, message.Reference, dissemination.State.ToString(), null, now));
    }
}
