using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Nacars.Core.Events;

/// <summary>
/// Dashboard events across instances through PostgreSQL LISTEN/NOTIFY. An event is delivered to this instance's
/// subscribers at once and sent to the others with NOTIFY; what other instances send arrives on one listening
/// connection and is delivered here in order. When that connection drops, it reconnects (with backoff) and announces
/// <see cref="ContactEventKind.Resynchronise"/>, so every dashboard reloads what it shows: nothing missed during the
/// gap stays missing, and rows are keyed by reference, so nothing shows twice.
/// </summary>
public sealed class PostgresContactEvents(ContactNotifier local, IOptions<NacarsOptions> options, TimeProvider clock, ILogger<PostgresContactEvents> logger)
    : BackgroundService, IContactNotifier
{
    public const string Channel = "nacars_contact_events";
    /// <summary>The listening connection's application_name (operators can see it in pg_stat_activity).</summary>
    public const string ListenerApplicationName = "nacars-events";

    private readonly string _origin = Guid.NewGuid().ToString("N");
    private NpgsqlDataSource? _publisher;
    private volatile bool _listening;

    /// <summary>True while the listening connection is up (the readiness check reports it).</summary>
    public bool Listening => _listening;

    public IDisposable Subscribe(Func<ContactEventBatch, Task> handler, TimeSpan pace = default) => local.Subscribe(handler, pace);

    public async Task PublishAsync(ContactEvent contactEvent)
    {
        local.Publish(contactEvent);
        try
        {
            await using var command = Publisher.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(new Envelope(_origin, contactEvent)));
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The change itself is saved. Other instances' listeners lose the same database, and reload when back.
            logger.LogWarning("Could not announce {Kind} {Reference} to other instances: {Reason}", contactEvent.Kind, contactEvent.Reference, ex.Message);
        }
    }

    private NpgsqlDataSource Publisher => _publisher ??= NpgsqlDataSource.Create(ConnectionString);

    private string ConnectionString => Data.DbProviders.PostgresConnectionString(options.Value);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (options.Value.Database.Provider != DatabaseProvider.Postgres) return;
        var listener = new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            ApplicationName = ListenerApplicationName,
            Pooling = false,      // a broken connection must never go back to a pool
            KeepAlive = 15,       // notices a silently dead connection while waiting
        }.ConnectionString;
        var retry = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.Database.ListenerRetrySeconds));
        var backoff = retry;
        var connectedBefore = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listener);
                connection.Notification += OnNotification;
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                _listening = true;
                backoff = retry;
                if (connectedBefore)
                {
                    logger.LogInformation("Listening to other instances again; dashboards reload what they show");
                    local.Publish(new ContactEvent(ContactEventKind.Resynchronise, "", "", null, clock.GetUtcNow().UtcDateTime));
                }
                connectedBefore = true;
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Lost the connection that hears other instances ({Reason}); trying again in {Seconds} s", ex.Message, backoff.TotalSeconds);
                try { await Task.Delay(backoff, ct); } catch (OperationCanceledException) { return; }
                backoff = TimeSpan.FromSeconds(Math.Min(30, backoff.TotalSeconds * 2));
            }
            finally
            {
                _listening = false;
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        try
        {
            // Notifications arrive one at a time on this connection; each subscriber's own queue keeps their order,
            // so a dashboard sees "claimed" after "received".
            if (JsonSerializer.Deserialize<Envelope>(e.Payload) is { } envelope && envelope.Origin != _origin)
                local.Publish(envelope.Event);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Ignored an unreadable event on {Channel}: {Reason}", Channel, ex.Message);
        }
    }

    public override void Dispose()
    {
        _publisher?.Dispose();
        base.Dispose();
    }

    private sealed record Envelope(string Origin, ContactEvent Event);
}
