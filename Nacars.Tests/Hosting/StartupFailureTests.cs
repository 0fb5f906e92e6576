using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;

namespace Nacars.Tests.Hosting;

/// <summary>The real Workbench process: bad data folders, corrupt databases and missing key rings give one clear
/// log line and a non-zero exit; create-user makes the first account outside Development.</summary>
public class StartupFailureTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nacars-startup", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _environment = new();
    private string? _postgresDatabase;

    private async Task<(int ExitCode, string Output)> RunAsync(string? stdin, params string[] args)
    {
        // No arguments: the server itself (it exits on its own only when it refuses to start).
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Nacars__DataRoot"] = _root;
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in _environment) info.Environment[key] = value;
        info.WorkingDirectory = Path.GetDirectoryName(dll)!;
        using var process = Process.Start(info)!;
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Backup_and_verify_backup_work_from_the_command_line_and_leave_the_key_ring_out()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"nacars-cli-backup-{Guid.NewGuid():N}");
        try
        {
            var (code, output) = await RunAsync(null, "backup", "--to", folder);
            Assert.True(code == 0, output);
            Assert.Contains("Backed up to", output);
            Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
            Assert.DoesNotContain(Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories), _ => true); // no Data Protection keys

            var (verified, report) = await RunAsync(null, "verify-backup", folder);
            Assert.True(verified == 0, report);
            Assert.Contains("Restorable", report);

            var (again, refused) = await RunAsync(null, "backup", "--to", folder);
            Assert.Equal(1, again);
            Assert.Contains("not empty", refused);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_word_that_is_not_a_command_is_refused_with_the_list_instead_of_starting_a_server()
    {
        var (code, output) = await RunAsync(null, "restore", "--from", Path.Combine(_root, "backup"));
        Assert.Equal(2, code);
        Assert.Contains("'restore' is not a command", output);
        Assert.Contains("verify-audit", output);
        Assert.Contains("verify-backup DIR", output);
        Assert.False(Directory.Exists(_root), "nothing was started or written");

        var (help, usage) = await RunAsync(null, "--help");
        Assert.Equal(0, help);
        Assert.Contains("create-user --email", usage);
        Assert.Contains("analyse-accounts --input", usage);
    }

    [Fact]
    public async Task Create_user_makes_the_first_admin_and_prints_the_password_once()
    {
        var (code, output) = await RunAsync(null, "create-user", "--email", "first.admin@example.org", "--role", "Admin");
        Assert.Equal(0, code);
        Assert.Contains("Created first.admin@example.org (Admin)", output);
        Assert.Matches("Password \\(shown once.*\\): \\S{20,}", output);

        var (again, againOutput) = await RunAsync("Another-long-passphrase", "create-user", "--email", "first.admin@example.org", "--role", "Admin", "--password-stdin");
        Assert.Equal(1, again);
        Assert.Contains("not created", againOutput);
    }

    [Fact]
    public async Task A_corrupt_database_file_stops_start_up_with_one_clear_line()
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "nacars.db"), "this is not a database, it is a shopping list", TestContext.Current.CancellationToken);
        var (code, output) = await RunAsync(null, "create-user", "--email", "x@example.org", "--role", "Admin");
        Assert.Equal(1, code);
        Assert.Contains("cannot start: The database could not be opened", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_missing_key_ring_stops_start_up_rather_than_write_unreadable_data()
    {
        var (first, _) = await RunAsync("A-long-enough-passphrase", "create-user", "--email", "a@example.org", "--role", "Admin", "--password-stdin");
        Assert.Equal(0, first);
        Directory.Delete(Path.Combine(_root, "keys"), recursive: true);
        var (code, output) = await RunAsync("A-long-enough-passphrase", "create-user", "--email", "b@example.org", "--role", "Admin", "--password-stdin");
        Assert.Equal(1, code);
        Assert.Contains("key ring cannot read this database", output);
    }

    [Fact]
    public async Task An_unwritable_data_folder_stops_start_up()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_root)!);
        await File.WriteAllTextAsync(_root, "a file where the data folder should be", TestContext.Current.CancellationToken);
        var (code, output) = await RunAsync(null, "create-user", "--email", "x@example.org", "--role", "Admin");
        File.Delete(_root);
        Assert.Equal(1, code);
        Assert.Contains("data folder (Nacars:DataRoot)", output);
    }

    private void OnPostgres((string Path, string Password)? certificate)
    {
        _postgresDatabase ??= ScaleOut.TestPostgres.CreateDatabase();
        _environment["Nacars__Database__Provider"] = "Postgres";
        _environment["Nacars__Database__ConnectionString"] = _postgresDatabase;
        _environment.Remove("Nacars__KeyRing__CertificatePath");
        _environment.Remove("Nacars__KeyRing__CertificatePassword");
        if (certificate is { } c)
        {
            _environment["Nacars__KeyRing__CertificatePath"] = c.Path;
            _environment["Nacars__KeyRing__CertificatePassword"] = c.Password;
        }
    }

    [Fact]
    public async Task On_Postgres_without_a_key_ring_certificate_start_up_stops_with_one_clear_line()
    {
        OnPostgres(certificate: null);
        var (code, output) = await RunAsync(null, "create-user", "--email", "x@example.org", "--role", "Admin");
        Assert.Equal(1, code);
        Assert.Contains("cannot start: On Postgres the key ring is kept in the shared database, so it must be encrypted", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task On_Postgres_an_instance_with_another_certificate_refuses_to_start_rather_than_write_unreadable_data()
    {
        OnPostgres(ScaleOut.TestPostgres.KeyRingCertificate);
        var (first, _) = await RunAsync("A-long-enough-passphrase", "create-user", "--email", "a@example.org", "--role", "Admin", "--password-stdin");
        Assert.Equal(0, first);

        OnPostgres(ScaleOut.TestPostgres.NewCertificate());
        var (code, output) = await RunAsync(null, "create-user", "--email", "b@example.org", "--role", "Admin");
        Assert.Equal(1, code);
        // Data Protection's own warning about the key it cannot decrypt comes first (with its detail, for the
        // operator); then the one line that says what to do.
        Assert.Contains("cannot start: The key ring cannot read this database's encrypted fields", output);
        Assert.Contains("Every instance needs the same certificate", output);
    }

    [Fact]
    public async Task On_Postgres_an_unreachable_server_stops_start_up_with_one_clear_line()
    {
        OnPostgres(ScaleOut.TestPostgres.KeyRingCertificate);
        _environment["Nacars__Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=x;Password=y;Timeout=3";
        var (code, output) = await RunAsync(null, "create-user", "--email", "x@example.org", "--role", "Admin");
        Assert.Equal(1, code);
        Assert.Contains("cannot start: PostgreSQL cannot be reached", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Outside_development_unsafe_settings_stop_the_server_with_one_line_each()
    {
        _environment["Nacars__Mail__RequireTls"] = "false";
        _environment["Nacars__Mail__AllowUntrustedCertificate"] = "true";
        _environment["Nacars__Security__RequireMfa"] = "false";
        var (code, output) = await RunAsync(null);
        Assert.Equal(1, code);
        foreach (var refusal in new[]
        {
            "refuses to start: Nacars:Mail:Mode is Pickup", "refuses to start: Nacars:Mail:RequireTls is false",
            "refuses to start: Nacars:Mail:AllowUntrustedCertificate is true", "refuses to start: Nacars:Mail:AllowedRecipientDomains is empty",
            "refuses to start: Nacars:KeyRing:CertificatePath is not set", "refuses to start: The key ring (Nacars:KeyRingPath) is inside the data folder",
            "refuses to start: Nacars:Security:RequireMfa is false",
        })
            Assert.Contains(refusal, output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task A_database_with_the_demo_accounts_is_refused_outside_development()
    {
        _environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var (made, _) = await RunAsync("A-long-enough-passphrase", "create-user", "--email", "first@example.org", "--role", "Admin", "--password-stdin");
        Assert.Equal(0, made);
        _environment.Remove("ASPNETCORE_ENVIRONMENT");
        var (code, output) = await RunAsync(null);
        Assert.Equal(1, code);
        Assert.Contains("refuses to start: The database holds the demo accounts", output);
    }

    [Fact]
    public async Task A_training_instance_runs_with_unsafe_settings_for_its_stated_reason_and_says_so()
    {
        _environment["Nacars__Safety__TrainingInstanceReason"] = "classroom training with fictional reports";
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Nacars__DataRoot"] = _root;
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in _environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)) is not null && DateTime.UtcNow < deadline)
            {
                lock (output) output.AppendLine(line);
                if (line.Contains("Now listening", StringComparison.Ordinal)) break;
            }
            // Outside Development, pages redirect to HTTPS but a load balancer's probe over HTTP is answered.
            // Production logs one JSON object per line, for a log shipper.
            var listening = output.ToString().Split('\n').First(l => l.Contains("Now listening", StringComparison.Ordinal));
            using var json = System.Text.Json.JsonDocument.Parse(listening);
            Assert.Equal("Microsoft.Hosting.Lifetime", json.RootElement.GetProperty("Category").GetString());
            var address = System.Text.RegularExpressions.Regex.Match(json.RootElement.GetProperty("Message").GetString()!, @"Now listening on: (http://\S+)").Groups[1].Value;
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
            var page = await client.GetAsync("/report", TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.TemporaryRedirect, page.StatusCode);
            Assert.Equal("https", page.Headers.Location!.Scheme);
        }
        finally { process.Kill(entireProcessTree: true); }
        var text = output.ToString();
        Assert.Contains("Now listening", text);
        Assert.Contains("Training instance (classroom training with fictional reports): allowed although Nacars:Mail:Mode is Pickup", text);
    }

    [Fact]
    public async Task A_key_ring_restored_from_before_a_key_rollover_is_caught_at_start_up()
    {
        var backup = _root + "-keys-backup";
        using (var first = new WorkbenchFactory(_root))
        {
            _ = first.Services;
            CopyFolder(Path.Combine(_root, "keys"), backup);
            // Ninety days on, Data Protection rolls to a new key, and data is written with it.
            var now = DateTimeOffset.UtcNow;
            first.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>().CreateNewKey(now, now.AddDays(90));
        }
        using (var later = new WorkbenchFactory(_root))
        {
            _ = later.Services; // start-up notes the new key with a canary
            await using var db = await later.Db.CreateDbContextAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2, await db.KeyChecks.CountAsync(TestContext.Current.CancellationToken));
        }

        // The key ring folder is restored from the older backup: the newer key is gone.
        Directory.Delete(Path.Combine(_root, "keys"), recursive: true);
        CopyFolder(backup, Path.Combine(_root, "keys"));
        Directory.Delete(backup, recursive: true);
        var (code, output) = await RunAsync(null, "create-user", "--email", "x@example.org", "--role", "Admin");
        Assert.Equal(1, code);
        Assert.Contains("restored from a backup older than the database", output);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    public void Dispose()
    {
        try { if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true); } catch (IOException) { }
        if (_postgresDatabase is not null) ScaleOut.TestPostgres.DropDatabase(_postgresDatabase);
    }
}
