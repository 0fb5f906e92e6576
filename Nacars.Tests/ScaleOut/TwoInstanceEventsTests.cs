using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Events;
using Nacars.Core.Intake;
using Nacars.Tests.Intake;
using Nacars.Workbench.Realtime;
using Npgsql;

namespace Nacars.Tests.ScaleOut;

/// <summary>Two Workbench instances on two loopback ports sharing one PostgreSQL database, as behind a load balancer.</summary>
public class TwoInstanceEventsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _database = TestPostgres.CreateDatabase();
    private KestrelWorkbenchFactory _a = null!;
    private KestrelWorkbenchFactory _b = null!;

    public ValueTask InitializeAsync()
    {
        _a = Instance();
        _ = _a.BaseAddress; // A prepares the shared database; B finds it ready
        _b = Instance();
        _ = _b.BaseAddress;
        return ValueTask.CompletedTask;
    }

    private KestrelWorkbenchFactory Instance()
    {
        var app = new KestrelWorkbenchFactory();
        app.UsePostgres(_database);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        TestPostgres.DropDatabase(_database);
        GC.SuppressFinalize(this);
    }

    private async Task<(HubConnection Hub, ConcurrentQueue<TriageHubEvent> Received)> HubOnBSignedInOnAAsync()
    {
        // Signed in on A, listening on B: the sign-in cookie is readable on every instance (one shared key ring).
        var (_, cookies) = await _a.SignInOverHttpAsync("analyst@demo.nacars.test");
        var received = new ConcurrentQueue<TriageHubEvent>();
        var hub = new HubConnectionBuilder().WithUrl(new Uri(_b.BaseAddress, "hubs/triage"), o => o.Cookies = cookies).Build();
        hub.On<TriageHubEvent>(TriageHub.EventMethod, e => received.Enqueue(e));
        await hub.StartAsync(Ct);
        return (hub, received);
    }

    [Fact]
    public async Task A_report_submitted_on_one_instance_reaches_a_hub_client_on_the_other()
    {
        var (hub, received) = await HubOnBSignedInOnAAsync();
        await using var _ = hub;

        // The form comes from B and is posted to A: antiforgery tokens are good on every instance too.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var form = await browser.GetStringAsync(new Uri(_b.BaseAddress, "report"), Ct);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new List<KeyValuePair<string, string>>(PublicFormTests.ValidReport("An officer in Kent sold a witness's address; reported on instance A."))
        {
            new("__RequestVerificationToken", token), new("_handler", "report"),
        };
        var response = await browser.PostAsync(new Uri(_a.BaseAddress, "report"), new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reference = Regex.Match(await response.Content.ReadAsStringAsync(Ct), "data-testid=\"contact-reference\">([^<]+)<").Groups[1].Value;
        Assert.StartsWith("NAC-", reference);

        await Eventually.TrueAsync(() => received.Any(e => e.Reference == reference && e.Kind == nameof(ContactEventKind.ContactReceived)));
        Assert.Single(received, e => e.Reference == reference && e.Kind == nameof(ContactEventKind.ContactReceived));
    }

    [Fact]
    public async Task A_dropped_listener_reconnects_tells_clients_to_reload_and_hears_new_reports_again()
    {
        var (hub, received) = await HubOnBSignedInOnAAsync();
        await using var _ = hub;
        using var http = new HttpClient();

        await using (var admin = new NpgsqlConnection(_database))
        {
            await admin.OpenAsync(Ct);
            async Task<long> ListenersAsync()
            {
                await using var count = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", admin);
                count.Parameters.AddWithValue("name", PostgresContactEvents.ListenerApplicationName);
                return (long)(await count.ExecuteScalarAsync(Ct))!;
            }
            await Eventually.TrueAsync(async () => await ListenersAsync() == 2); // both instances are listening
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", admin);
            kill.Parameters.AddWithValue("name", PostgresContactEvents.ListenerApplicationName);
            Assert.Equal(2L, await kill.ExecuteScalarAsync(Ct)); // one listener per instance
        }

        await Eventually.TrueAsync(() => received.Any(e => e.Kind == nameof(ContactEventKind.Resynchronise)));
        await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri(_b.BaseAddress, "health/ready"), Ct)).StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(_b.BaseAddress, "health/live"), Ct)).StatusCode);

        var reference = (await _a.Services.GetRequiredService<IntakeService>().SubmitOnlineAsync(new ReportSubmission
        {
            Account = "After the reconnection: an officer is passing custody records to a journalist.", ForceCode = "kent",
        }, Ct)).Reference;
        await Eventually.TrueAsync(() => received.Any(e => e.Reference == reference));
    }

    [Fact]
    public async Task Once_both_have_started_the_start_up_lock_is_free_for_the_next_instance()
    {
        // A lock left on a pooled connection would make the next instance (or a restart) wait for ever.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@id)", connection);
        tryLock.Parameters.AddWithValue("id", Nacars.Core.Data.DatabaseInitializer.StartupLockId);
        Assert.Equal(true, await tryLock.ExecuteScalarAsync(Ct));
        await using var sessions = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'nacars-startup' AND datname = current_database()", connection);
        Assert.Equal(0L, await sessions.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task The_shared_key_ring_is_in_the_database_and_encrypted_with_the_certificate()
    {
        await using var db = await _a.Db.CreateDbContextAsync(Ct);
        var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync(Ct);
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("EncryptedXmlDecryptor", k.Xml);
            Assert.DoesNotContain("unencrypted form", k.Xml);
            Assert.DoesNotContain("<masterKey", k.Xml);
        });
        // No key ring folder was needed or written on either instance.
        Assert.False(Directory.Exists(Path.Combine(_a.DataRoot, "keys")));
        Assert.False(Directory.Exists(Path.Combine(_b.DataRoot, "keys")));
    }
}
