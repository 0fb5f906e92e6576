using System.Net.Sockets;
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
/// no instance was listening first, then each new one as IDLE announces it. Connection failures are retried with a
/// backoff, forever: a mailbox that is down delays replies but loses none. Every instance may listen; the UID cursor in
/// the database and the messages' fingerprints make each message recorded once.
/// </summary>
public sealed class MailboxListener(
    IOptions<NacarsOptions> options,
    IDbContextFactory<NacarsDbContext> dbFactory,
    ReplyRecorder recorder,
    TimeProvider clock,
    ILogger<MailboxListener> logger) : BackgroundService
{
    /// <summary>The largest message fetched; a larger one is recorded as one to read in the mailbox itself.</summary>
    public const long MaxMessageBytes = 25 * 1024 * 1024;

    /// <summary>Whether the listener holds an open, authenticated session now (for the admin's mail check).</summary>
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
            catch (Exception e) when (e is IOException or SocketException or ImapProtocolException or ImapCommandException or ServiceNotConnectedException
                or AuthenticationException or SslHandshakeException or FolderNotFoundException or DbUpdateException or InvalidOperationException
                or System.Data.Common.DbException or OperationCanceledException)
            {
                Connected = false;
                LastProblem = e.Message;
                var backoff = settings.ReconnectBackoffSeconds is { Length: > 0 } b ? b[Math.Min(failures, b.Length - 1)] : 5;
                failures++;
                logger.LogWarning("The service's mailbox could not be read ({Problem}); trying again in {Seconds} s", e.GetType().Name, backoff);
                await Task.Delay(TimeSpan.FromSeconds(backoff), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ListenAsync(RepliesOptions settings, Action connected, CancellationToken ct)
    {
        using var client = new ImapClient();
        // TLS always: from the first byte, or STARTTLS, which MailKit then requires.
        var security = settings.TlsOnConnect ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.ImapHost!, settings.ImapPort, security, ct);
        await client.AuthenticateAsync(settings.UserName ?? "", settings.Password ?? "", ct);
        var folder = await client.GetFolderAsync(settings.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadOnly, ct);
        var place = $"{settings.UserName}@{settings.ImapHost}:{settings.ImapPort}/{settings.Folder}";
        Connected = true;
        LastProblem = null;
        connected();
        while (!ct.IsCancellationRequested)
        {
            while (await ReadNewAsync(folder, place, settings.BatchSize, ct)) { }
            await WaitForMailAsync(client, folder, settings, ct);
        }
    }

    /// <summary>IDLE until the folder's count changes (or the renewal time), then the caller reads what is new.</summary>
    private static async Task WaitForMailAsync(ImapClient client, IMailFolder folder, RepliesOptions settings, CancellationToken ct)
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
                while (!done.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), ct);
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
        var sizes = (await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, ct)).ToDictionary(s => s.UniqueId.Id, s => (long?)s.Size);
        foreach (var uid in uids)
        {
            var size = sizes.GetValueOrDefault(uid.Id) ?? 0;
            if (size > MaxMessageBytes) await recorder.RecordTooLargeAsync($"{place};UIDVALIDITY={validity};UID={uid.Id}", size, ct);
            else
            {
                await using var stream = await folder.GetStreamAsync(uid, ct);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, ct);
                await recorder.RecordAsync(copy.ToArray(), ct);
            }
            await AdvanceAsync(place, validity, uid.Id, ct);
        }
        return uids.Count >= batchSize;
    }

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
