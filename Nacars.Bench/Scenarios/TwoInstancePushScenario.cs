using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;

namespace Nacars.Bench.Scenarios;

/// <summary>
/// The push scenario across instances: reports submitted on instance A, 50 hub clients connected to instance B, both
/// on one PostgreSQL database (events cross through LISTEN/NOTIFY). The baseline is the raw machinery of that path in
/// the same run: a bare NOTIFY → LISTEN round trip plus a bare hub broadcast on B.
/// </summary>
public sealed class TwoInstancePushScenario : IScenario
{
    public string Name => "push-two-instances";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        await using var database = await BenchPostgres.CreateAsync(ct);
        using var a = new BenchHost(context.Smtp.Port, database.Settings);
        _ = a.BaseAddress; // A prepares the database, then B starts on it
        using var b = new BenchHost(context.Smtp.Port, database.Settings);
        _ = b.BaseAddress;

        var push = await PushMeasurement.RunAsync(a, b, context.Size, ct);
        var notify = await database.NotifyRoundTripsAsync(context.Size.Pushes, ct);

        var p95 = Stats.Percentile(push.Accepted, 0.95);
        var broadcastP95 = Stats.Percentile(push.Broadcast, 0.95);
        var notifyP95 = Stats.Percentile(notify, 0.95);
        var baseline = broadcastP95 + notifyP95;
        return new ScenarioResult(Name, $"submit accepted on A → event at {context.Size.HubClients} hub clients on B (ms)",
            new() { ["p50_ms"] = Stats.Percentile(push.Accepted, 0.5), ["p95_ms"] = p95, ["p99_ms"] = Stats.Percentile(push.Accepted, 0.99),
                ["post_sent_to_event_p95_ms"] = Stats.Percentile(push.PostSent, 0.95) },
            new() { ["notify_round_trip_p95_ms"] = notifyP95, ["broadcast_p95_ms"] = broadcastP95, ["sum_p95_ms"] = baseline },
            Math.Round(p95 / baseline, 2), "p95 <= 100 ms and <= 3x baseline", p95 <= 100 && p95 <= 3 * baseline,
            "Two Workbench instances in this process on one PostgreSQL database; the event crosses by NOTIFY on A and LISTEN on B.");
    }
}

/// <summary>A throw-away PostgreSQL database for the benchmark (NACARS_BENCH_POSTGRES, or the local server that
/// `bash eng/postgres.sh` sets up), with the key ring certificate both instances share.</summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _certificateFolder;

    private BenchPostgres(string admin, string connectionString, string certificateFolder, string certificatePath, string password)
    {
        _admin = admin;
        ConnectionString = connectionString;
        _certificateFolder = certificateFolder;
        Settings = new Dictionary<string, string>
        {
            ["Nacars:Database:Provider"] = "Postgres",
            ["Nacars:Database:ConnectionString"] = connectionString,
            ["Nacars:KeyRing:CertificatePath"] = certificatePath,
            ["Nacars:KeyRing:CertificatePassword"] = password,
        };
    }

    public string ConnectionString { get; }
    public IReadOnlyDictionary<string, string> Settings { get; }

    public static async Task<BenchPostgres> CreateAsync(CancellationToken ct)
    {
        var admin = Environment.GetEnvironmentVariable("NACARS_BENCH_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=nacars;Password=nacars;Database=postgres;Timeout=10";
        var name = $"nacars_bench_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"push-two-instances needs PostgreSQL: run `bash eng/postgres.sh` or set NACARS_BENCH_POSTGRES. {ex.Message}", ex);
        }

        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=Nacars bench key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var folder = Directory.CreateTempSubdirectory("nacars-bench-cert-").FullName;
        var path = Path.Combine(folder, "keyring.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, password), ct);
        return new BenchPostgres(admin, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, folder, path, password);
    }

    /// <summary>NOTIFY on one connection → the notification on another, in milliseconds.</summary>
    public async Task<List<double>> NotifyRoundTripsAsync(int count, CancellationToken ct)
    {
        await using var listener = new NpgsqlConnection(ConnectionString);
        await using var sender = new NpgsqlConnection(ConnectionString);
        await listener.OpenAsync(ct);
        await sender.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand("LISTEN nacars_bench", listener)) await listen.ExecuteNonQueryAsync(ct);
        var received = 0;
        listener.Notification += (_, _) => received++;
        var result = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using (var notify = new NpgsqlCommand($"SELECT pg_notify('nacars_bench', '{i}')", sender)) await notify.ExecuteNonQueryAsync(ct);
            var before = received;
            while (received == before) await listener.WaitAsync(ct);
            result.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        // End our own sessions, then a plain DROP, which stops an autovacuum worker itself (WITH (FORCE) may not, 42501).
        await using (var end = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND usename = current_user AND pid <> pg_backend_pid()", connection))
        {
            end.Parameters.AddWithValue("name", name!);
            await end.ExecuteScalarAsync();
        }
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection);
        await drop.ExecuteNonQueryAsync();
        try { Directory.Delete(_certificateFolder, recursive: true); } catch (IOException) { }
    }
}
