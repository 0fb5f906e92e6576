using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Audit;
using Nacars.Core.Data;
using Nacars.Core.Events;

namespace Nacars.Core.Dissemination;

/// <summary>
/// Drains the outbox a batch at a time: claims up to <see cref="MailOptions.BatchSize"/> due messages with a lease (a
/// crashed dispatcher's claim expires and another picks them up; on Postgres, dispatchers on several instances skip
/// each other's rows), decrypts them all before the first is sent, sends them on one authenticated connection, and
/// records the whole batch's outcomes in one transaction. A message is only sent again after a relay acceptance that
/// was never recorded (a crash between the two), and then with the same Message-ID: at most one duplicate.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<NacarsDbContext> dbFactory,
    IMailTransport transport,
    OutboxSignal signal,
    IContactNotifier notifier,
    TimeProvider clock,
    IOptions<NacarsOptions> options,
    Operations.NacarsMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxLease _lease = new(clock, () => options.Value.Mail);
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

    /// <summary>What happened to one message of a batch.</summary>
    private abstract record Outcome(OutboxMessage Message);
    private sealed record Accepted(OutboxMessage Message) : Outcome(Message);
    private sealed record Refused(OutboxMessage Message, string Reason) : Outcome(Message);
    private sealed record NotYet(OutboxMessage Message, string Reason) : Outcome(Message);

    /// <summary>Sends everything due now. Public so tests and the benchmark can drive it directly.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var sent = 0;
        IMailSession? session = null;
        Task<IReadOnlyList<OutboxMessage>>? next = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var batch = next is null ? await ClaimBatchAsync(ct) : await next;
                next = null;
                if (batch.Count == 0) break;
                // Claim and decrypt the next batch while this one is on the wire: the connection, not the database,
                // sets the pace. This batch is still recorded before the next is sent, so a crash can repeat at most
                // the one message the relay was receiving.
                if (batch.Count >= Math.Max(1, Mail.BatchSize)) next = ClaimBatchAsync(ct);
                var outcomes = new List<Outcome>(batch.Count);
                var relayInTrouble = false;
                var leaseRenewedAt = clock.GetUtcNow().UtcDateTime;
                try
                {
                    foreach (var message in batch)
                    {
                        // A slow relay can keep a batch on the wire longer than the lease (50 messages at up to 30 s
                        // each against 120 s): renewed a third of the way, so no other dispatcher takes them meanwhile.
                        // The whole batch, sent ones too: their outcome is recorded only when the batch ends.
                        if (clock.GetUtcNow().UtcDateTime - leaseRenewedAt >= TimeSpan.FromSeconds(Mail.LeaseSeconds / 3.0))
                        {
                            await RenewLeaseAsync([.. batch, .. next is { IsCompletedSuccessfully: true } ? next.Result : []], ct);
                            leaseRenewedAt = clock.GetUtcNow().UtcDateTime;
                        }
                        if (relayInTrouble)
                        {
                            // The relay failed on an earlier message of this batch: the rest wait for the backoff too.
                            outcomes.Add(new NotYet(message, "not tried: the relay was failing"));
                            continue;
                        }
                        using var span = Operations.NacarsTracing.Source.StartActivity("mail.send");
                        var started = clock.GetTimestamp();
                        try
                        {
                            var mime = OutboxMime.From(message, Mail);
                            session ??= await transport.OpenAsync(ct);
                            await session.SendAsync(mime, ct);
                            outcomes.Add(new Accepted(message));
                            Attempted(span, "sent", started);
                        }
                        catch (PermanentMailException ex)
                        {
                            outcomes.Add(new Refused(message, ex.Message));
                            Attempted(span, "refused", started);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                        {
                            outcomes.Add(new NotYet(message, ex.Message));
                            Attempted(span, "deferred", started);
                            relayInTrouble = true;
                            if (session is not null) { await session.DisposeAsync(); session = null; }
                        }
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Stopping (a deploy, a restart): what the relay has already accepted is written down before going,
                    // so only the message on the wire at that moment can be sent again. The rest keep their lease until
                    // it runs out, then any dispatcher takes them.
                    await RecordAsync(outcomes);
                    throw;
                }
                sent += await RecordAsync(outcomes);
                if (relayInTrouble)
                {
                    // Let the backoff work, for the batch claimed ahead too.
                    if (next is not null)
                        await RecordAsync([.. (await next).Select(m => (Outcome)new NotYet(m, "not tried: the relay was failing"))]);
                    next = null;
                    break;
                }
            }
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
            // Stopping with a batch claimed ahead: it keeps its lease until it runs out, then any dispatcher takes it.
            if (next is not null) await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
        return sent;
    }

    private void Attempted(System.Diagnostics.Activity? span, string result, long started)
    {
        span?.SetTag("nacars.result", result);
        metrics.MailAttempt(result, clock.GetElapsedTime(started));
    }

    private async Task RenewLeaseAsync(IReadOnlyList<OutboxMessage> held, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await _lease.RenewAsync(db, held, ct);
    }

    /// <summary>Claims a batch of due messages (<see cref="OutboxLease"/>) and loads them decrypted. A message that cannot be decrypted is failed on the spot with the reason, rather than
    /// retried for ever.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> ClaimBatchAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await _lease.ClaimAsync(db, now, ct);
        if (claimed.Count == 0) return [];
        try
        {
            // One read for the batch; only if a message cannot be decrypted is each read on its own, to fail just that one.
            return await db.OutboxMessages.AsNoTracking().Where(m => claimed.Contains(m.Id)).OrderBy(m => m.NextAttemptAtUtc).ToListAsync(ct);
        }
        catch (CryptographicException)
        {
            db.ChangeTracker.Clear();
        }
        var loaded = new List<OutboxMessage>(claimed.Count);
        foreach (var id in claimed)
        {
            try
            {
                loaded.Add(await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct));
            }
            catch (CryptographicException ex)
            {
                const string reason = "The queued report cannot be decrypted with this key ring (was the key ring restored from an older " +
                    "backup?). It will not be retried; send the contact again once the key ring is right.";
                logger.LogError("Outbox message {Id} cannot be decrypted: {Reason}", id, ex.Message);
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, OutboxState.Failed).SetProperty(m => m.LastError, reason)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpiresAtUtc, (DateTime?)null), ct);
                var reference = await db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Reference).SingleAsync(ct);
                db.AuditEvents.Add(new AuditEvent(now, "dispatcher", AuditActions.MailFailed, reference, reason));
                await db.SaveChangesAsync(ct);
                if (reference is not null)
                    await notifier.PublishAsync(new ContactEvent(ContactEventKind.DisseminationStatusChanged, reference, nameof(DeliveryState.Failed), null, now));
            }
        }
        return loaded;
    }

    /// <summary>Records a batch's outcomes in one save (never cancelled half-way: what the relay accepted must be written
    /// down), then tells the dashboards. The messages are the copies the batch was loaded with, attached as they were
    /// claimed, so only their delivery columns are written and the PDF is neither read nor written again. Should a lease
    /// have run out and another dispatcher have taken a message meanwhile (its lease expiry is a concurrency token), the
    /// batch is recorded one message at a time and that message is left to the other dispatcher.</summary>
    private async Task<int> RecordAsync(IReadOnlyList<Outcome> outcomes)
    {
        try
        {
            return await RecordAsync(outcomes, outcomes);
        }
        catch (DbUpdateConcurrencyException)
        {
            var sent = 0;
            foreach (var outcome in outcomes)
            {
                try { sent += await RecordAsync([outcome], outcomes); }
                catch (DbUpdateConcurrencyException)
                {
                    logger.LogWarning("Outbox message {Id} was taken over by another dispatcher before its outcome was recorded", outcome.Message.Id);
                }
            }
            return sent;
        }
    }

    private async Task<int> RecordAsync(IReadOnlyList<Outcome> outcomes, IReadOnlyList<Outcome> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var disseminationIds = outcomes.Where(o => o.Message.DisseminationId is not null).Select(o => o.Message.DisseminationId!.Value).ToList();
        var disseminations = await db.Disseminations.Where(d => disseminationIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, CancellationToken.None);
        var now = clock.GetUtcNow().UtcDateTime;
        var sent = 0;
        var announce = new List<(string Reference, DeliveryState State)>();
        foreach (var outcome in outcomes)
        {
            // A fresh copy per attempt to record, so a retried record starts from the state as claimed.
            var message = Copy(outcome.Message);
            db.OutboxMessages.Attach(message);
            var dissemination = message.DisseminationId is { } did ? disseminations.GetValueOrDefault(did) : null;
            string action, detail;
            switch (outcome)
            {
                case Accepted:
                    message.MarkSent(now);
                    dissemination?.Delivered(now);
                    (action, detail) = (AuditActions.MailSent, $"to {message.To}");
                    sent++;
                    break;
                case Refused refused:
                    message.Fail(refused.Reason);
                    logger.LogWarning("Outbox message {Id} for {Reference} failed permanently: {Reason}", message.Id, message.Reference, refused.Reason);
                    (action, detail) = (AuditActions.MailFailed, $"to {message.To}: {refused.Reason}");
                    break;
                case NotYet notYet:
                    var backoff = Mail.RetryBackoffSeconds.Length == 0 ? 30 : Mail.RetryBackoffSeconds[Math.Clamp(message.Attempts, 1, Mail.RetryBackoffSeconds.Length) - 1];
                    if (message.RetryLater(notYet.Reason, now.AddSeconds(backoff), Mail.MaxAttempts))
                        logger.LogError("Outbox message {Id} for {Reference} is STUCK: not accepted after {Attempts} attempts ({Reason}). Still retrying every {Backoff} s; check the relay and the force's mailbox.",
                            message.Id, message.Reference, message.Attempts, notYet.Reason, backoff);
                    else
                        logger.LogWarning("Outbox message {Id} for {Reference} not sent (attempt {Attempt}): {Reason}. Retrying in {Backoff} s.",
                            message.Id, message.Reference, message.Attempts, notYet.Reason, backoff);
                    (action, detail) = (message.State == OutboxState.Stuck ? AuditActions.MailStuck : AuditActions.MailRetried, $"to {message.To}: {notYet.Reason}");
                    break;
                default:
                    continue;
            }
            db.AuditEvents.Add(new AuditEvent(now, "dispatcher", action, message.Reference, detail));
            if (message.Reference is not null && dissemination is not null) announce.Add((message.Reference, DisseminationRecord.StateOf(message.State)));
        }
        await db.SaveChangesAsync(CancellationToken.None);
        foreach (var (reference, state) in announce)
            await notifier.PublishAsync(new ContactEvent(ContactEventKind.DisseminationStatusChanged, reference, state.ToString(), null, now));
        return sent;
    }

    private static OutboxMessage Copy(OutboxMessage claimed) => claimed.CopyAsClaimed();
}
