using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Data;

namespace Nacars.Core.ForceFeedback;

/// <summary>
/// Reads the service's mailbox over IMAP and records every new message (<see cref="ReplyRecorder"/>): what arrived while
/// no instance was listening first, then each new one as IDLE announces it. Any failure is retried with a backoff,
/// forever: a mailbox that is down delays replies but loses none, and nothing here can stop the service. Every instance
/// may listen; the UID cursor in the database and the messages' fingerprints make each message recorded once.
/// </summary>
public sealed class MailboxListener(
    IOptions<NacarsOptions> options,
    IDbContextFactory<NacarsDbContext> dbFactory,
    ReplyRecorder recorder,
    TimeProvider clock,
    ILogger<MailboxListener> logger) : BackgroundService
{
    /// <summary>Failures of one message before it is recorded as one to read in the mailbox, so it never holds up the rest.</summary>
    public const int AttemptsPerMessage = 3;

    private readonly Dictionary<(long Validity, uint Uid), int> _failures = [];
    private volatile bool _arrived;

    /// <summary>Whether the listener holds an open, authenticated session now (the admin's mail page shows it).</summary>
    public bool Connected { get; private set; }
    public string? LastProblem { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Replies;
        if (!settings.Enabled) return;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(settings, () => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Connected = false;
                LastProblem = e.GetType().Name;
                var backoff = settings.ReconnectBackoffSeconds is { Length: > 0 } b ? b[Math.Min(failures, b.Length - 1)] : 5;
                failures++;
                // The type only: a message's words or an address never reach the log.
                logger.LogWarning("The service's mailbox could not be read ({Problem}); trying again in {Seconds} s", e.GetType().Name, backoff);
                try { await Task.Delay(TimeSpan.FromSeconds(backoff), clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <param name="roundDone">Called after each complete round of reading: only then is the backoff reset, so a
    /// connection that opens but always fails still backs off.</param>
    private async Task ListenAsync(RepliesOptions settings, Action roundDone, CancellationToken ct)
    {
        using var client = new ImapClient();
        // TLS always: from the first byte, or STARTTLS, which MailKit then requires.
        var security = settings.TlsOnConnect ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.ImapHost!, settings.ImapPort, security, ct);
        await client.AuthenticateAsync(settings.UserName ?? "", settings.Password ?? "", ct);
        var folder = await client.GetFolderAsync(settings.Folder, ct);
        // Heard for the whole session: mail that arrives while a round is being read is read next, not at the next renewal.
        folder.CountChanged += (_, _) => _arrived = true;
        await folder.OpenAsync(FolderAccess.ReadOnly, ct);
        var place = $"{settings.UserName}@{settings.ImapHost}:{settings.ImapPort}/{settings.Folder}";
        Connected = true;
        LastProblem = null;
        while (!ct.IsCancellationRequested)
        {
            _arrived = false;
            while (await ReadNewAsync(folder, place, settings.BatchSize, ct)) { }
            roundDone();
            if (!_arrived) await WaitForMailAsync(client, folder, settings, ct);
        }
    }

    /// <summary>IDLE until the folder's count changes (or the renewal time), then the caller reads what is new.</summary>
    private async Task WaitForMailAsync(ImapClient client, IMailFolder folder, RepliesOptions settings, CancellationToken ct)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        done.CancelAfter(TimeSpan.FromMinutes(Math.Clamp(settings.IdleMinutes, 1, 28)));
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += Arrived;
        try
        {
            if (client.Capabilities.HasFlag(ImapCapabilities.Idle)) await client.IdleAsync(done.Token, ct);
            else
            {
                // A server without IDLE is polled: NOOP asks it for news every few seconds.
                while (!done.IsCancellationRequested && !_arrived)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), clock, ct);
                    await client.NoOpAsync(ct);
                }
            }
        }
        finally
        {
            folder.CountChanged -= Arrived;
        }
    }

    /// <summary>Records up to a batch of messages after the cursor, in UID order, moving the cursor past each once it is
    /// saved. Returns whether there may be more.</summary>
    private async Task<bool> ReadNewAsync(IMailFolder folder, string place, int batchSize, CancellationToken ct)
    {
        var validity = (long)folder.UidValidity;
        var next = await NextUidAsync(place, validity, ct);
        if (next > uint.MaxValue) return false;
        // "n:*" always includes the highest UID, even below n: only those at or past the cursor are new.
        var uids = (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)next), UniqueId.MaxValue)), ct))
            .Where(u => u.Id >= next).OrderBy(u => u.Id).Take(Math.Max(1, batchSize)).ToList();
        if (uids.Count == 0) return false;
        var summaries = (await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.InternalDate, ct))
            .ToDictionary(s => s.UniqueId.Id);
        var limit = MailReadLimits.Default.MaxMessageBytes;
        foreach (var uid in uids)
        {
            var summary = summaries.GetValueOrDefault(uid.Id);
            var arrived = summary?.InternalDate?.UtcDateTime;
            var where = $"{place};UIDVALIDITY={validity};UID={uid.Id}";
            if (summary is null) { } // deleted since the search: nothing to record
            else if (summary.Size > limit)
                await recorder.RecordUnreadAsync(where, $"larger than the service reads ({summary.Size / (1024 * 1024)} MB): read it in the mailbox itself", arrived, ct);
            else await RecordOrGiveUpAsync(folder, uid, validity, where, arrived, ct);
            await AdvanceAsync(place, validity, uid.Id, ct);
        }
        return uids.Count >= batchSize;
    }

    /// <summary>Fetches and records one message. A message that fails <see cref="AttemptsPerMessage"/> times is recorded
    /// as one to read in the mailbox, so one bad message never holds up the mail behind it.</summary>
    private async Task RecordOrGiveUpAsync(IMailFolder folder, UniqueId uid, long validity, string where, DateTime? arrived, CancellationToken ct)
    {
        try
        {
            await using var stream = await folder.GetStreamAsync(uid, ct);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            await recorder.RecordAsync(copy.ToArray(), arrived, ct);
            _failures.Remove((validity, uid.Id));
        }
        catch (MessageNotFoundException)
        {
            // Deleted from the mailbox by a person between the search and the fetch: there is nothing left to record.
        }
        catch (Exception e) when (e is not OperationCanceledException && Failed(validity, uid.Id) >= AttemptsPerMessage)
        {
            logger.LogWarning("A message in the service's mailbox failed {Attempts} times ({Problem}); it is listed as unread", AttemptsPerMessage, e.GetType().Name);
            await recorder.RecordUnreadAsync(where, $"could not be recorded after {AttemptsPerMessage} attempts ({e.GetType().Name}): read it in the mailbox itself", arrived, ct);
            _failures.Remove((validity, uid.Id));
        }
    }

    private int Failed(long validity, uint uid) => _failures[(validity, uid)] = _failures.GetValueOrDefault((validity, uid)) + 1;

    private async Task<long> NextUidAsync(string place, long validity, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cursor = await db.MailboxCursors.AsNoTracking().SingleOrDefaultAsync(c => c.Mailbox == place, ct);
        return cursor?.NextUid(validity) ?? 1;
    }

    /// <summary>Forward only, whichever instance gets there first.</summary>
    private async Task AdvanceAsync(string place, long validity, long uid, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moved = await db.MailboxCursors.Where(c => c.Mailbox == place && (c.UidValidity != validity || c.LastUid < uid))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UidValidity, validity).SetProperty(c => c.LastUid, uid).SetProperty(c => c.UpdatedAtUtc, now), ct);
        if (moved > 0 || await db.MailboxCursors.AnyAsync(c => c.Mailbox == place, ct)) return;
        var cursor = new MailboxCursor(place, validity, now);
        cursor.Advance(validity, uid, now);
        db.MailboxCursors.Add(cursor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another instance made the cursor first: move it forward instead.
            await AdvanceAsync(place, validity, uid, ct);
        }
    }
}
