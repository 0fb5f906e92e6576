using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nacars.Core.Data;

namespace Nacars.Tests.Infrastructure;

/// <summary>The real Workbench (Development: demo users and data) on its own temporary data folder: a real SQLite
/// file, a real key ring, mail to a pickup folder. Settings can be overridden per test class.</summary>
public class WorkbenchFactory : WebApplicationFactory<Program>
{
    /// <summary>A new data folder, or an existing one to simulate a restart of the same installation.</summary>
    public WorkbenchFactory() : this(null) { }

    internal WorkbenchFactory(string? dataRoot)
    {
        DataRoot = dataRoot ?? Path.Combine(Path.GetTempPath(), "nacars-tests", Guid.NewGuid().ToString("N"));
        KeepData = dataRoot is not null;
    }

    public string DataRoot { get; }
    public bool KeepData { get; set; }
    public Dictionary<string, string?> Settings { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public string Environment { get; set; } = "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Nacars:DataRoot", DataRoot);
        builder.UseSetting("Nacars:Demo:Simulate", "false");
        // The dozen demo contacts only: tests count and find contacts, and the history takes seconds to make.
        builder.UseSetting("Nacars:Demo:HistoryMonths", "0");
        // Tests sign in many times from one address; the sign-in throttle has its own test.
        builder.UseSetting("Nacars:Security:SignInAttemptsPerWindow", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
    }

    /// <summary>The Npgsql connection string when this app runs on PostgreSQL.</summary>
    public string? PostgresConnectionString { get; private set; }
    private bool _ownsPostgresDatabase;

    /// <summary>Run on PostgreSQL: a new database of this app's own, or a shared one (several instances, one database).</summary>
    public void UsePostgres(string? sharedConnectionString = null)
    {
        PostgresConnectionString = sharedConnectionString ?? ScaleOut.TestPostgres.CreateDatabase();
        _ownsPostgresDatabase = sharedConnectionString is null;
        var (certificate, password) = ScaleOut.TestPostgres.KeyRingCertificate;
        Settings["Nacars:Database:Provider"] = "Postgres";
        Settings["Nacars:Database:ConnectionString"] = PostgresConnectionString;
        Settings["Nacars:Database:ListenerRetrySeconds"] = "0.2";
        Settings["Nacars:KeyRing:CertificatePath"] = certificate;
        Settings["Nacars:KeyRing:CertificatePassword"] = password;
    }

    public IDbContextFactory<NacarsDbContext> Db => Services.GetRequiredService<IDbContextFactory<NacarsDbContext>>();

    public string DatabaseFile => Path.Combine(DataRoot, "nacars.db");

    /// <summary>A member of staff of the test's own, in <paramref name="roles"/> (an analyst unless said), made once:
    /// the services check the role of whoever acts, so a name alone is not enough.</summary>
    public async Task<string> StaffAsync(string email, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Nacars.Core.Staff.NacarsUser>>();
        if (await users.FindByEmailAsync(email) is null)
            await Services.GetRequiredService<Nacars.Workbench.Features.Admin.StaffAccounts>()
                .CreateFromCommandLineAsync(email, email, "Kettle-Orchard-Demo-57", roles.Length == 0 ? [Nacars.Core.Staff.Roles.Analyst] : roles);
        return email;
    }

    /// <summary>A client with its own cookie jar, signed in through the real login form.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = "Kettle-Orchard-Demo-57")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/Account/Login", "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs the page, takes its antiforgery token, and posts the form as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields,
        IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var page = await client.GetStringAsync(path);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {path}");
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token), new("_handler", formName) };
        if (extra is not null) form.AddRange(extra);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsPostgresDatabase && PostgresConnectionString is not null)
        {
            ScaleOut.TestPostgres.DropDatabase(PostgresConnectionString);
            _ownsPostgresDatabase = false;
        }
        if (KeepData) return;
        try { Directory.Delete(DataRoot, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The same Workbench on real Kestrel (loopback, a free port) for browsers, SignalR clients and SMTP.</summary>
public class KestrelWorkbenchFactory : WorkbenchFactory
{
    public KestrelWorkbenchFactory() => UseKestrel(0);

    /// <summary>A client of the real server with its own cookie jar, signed in through the login form.</summary>
    public async Task<(HttpClient Client, System.Net.CookieContainer Cookies)> SignInOverHttpAsync(string email, string password = "Kettle-Orchard-Demo-57")
    {
        var cookies = new System.Net.CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        var response = await PostFormAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, cookies);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseUrls("http://127.0.0.1:0");
    }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }
}

/// <summary>Every log line the app writes, kept for tests that prove what is never logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    public IEnumerable<string> Lines => _lines;
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);
    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> kvs ? string.Join(";", kvs.Select(kv => $"{kv.Key}={kv.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}");
        }
    }
}
