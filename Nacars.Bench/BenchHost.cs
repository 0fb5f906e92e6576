using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nacars.Bench;

/// <summary>The real Workbench in this process on Kestrel (loopback, a free port), on a temporary SQLite file, with
/// mail going to the benchmark's loopback SMTP server. Limits that would throttle a load test are lifted by settings.</summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    public string DataRoot { get; } = Path.Combine(Path.GetTempPath(), "nacars-bench", Guid.NewGuid().ToString("N"));
    private readonly int _smtpPort;

    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Extra settings, e.g. a PostgreSQL database shared by two hosts.</param>
    public BenchHost(int smtpPort, IReadOnlyDictionary<string, string>? settings = null)
    {
        _smtpPort = smtpPort;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Nacars:DataRoot", DataRoot);
        builder.UseSetting("Nacars:Intake:SubmissionsPerWindow", "100000000");
        builder.UseSetting("Nacars:Demo:HistoryMonths", "0");
        // The dashboards scenario leaves hundreds of contacts open; every one is on the queue's first page (the heavier
        // page to keep live), so each arrival is a row the page must show.
        builder.UseSetting("Nacars:Triage:QueuePageSize", "5000");
        builder.UseSetting("Nacars:Mail:Mode", "Smtp");
        builder.UseSetting("Nacars:Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Nacars:Mail:SmtpPort", _smtpPort.ToString());
        builder.UseSetting("Nacars:Mail:RequireTls", "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        // Console logging would measure the terminal, not the product.
        builder.ConfigureLogging(l => l.ClearProviders());
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, BaselineEndpoints>());
    }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.TrimEnd('/') + "/");
        }
    }

    public async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        var token = await TokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "Kettle-Orchard-Demo-57", ["__RequestVerificationToken"] = token, ["_handler"] = "login",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
        return (client, cookies);
    }

    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        return Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataRoot, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
