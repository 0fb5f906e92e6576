using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Intake;
using Nacars.Tests.Intake;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.ScaleOut;

/// <summary>An instance that counts the requests it serves, to see where the proxy sends them.</summary>
public sealed class CountedInstance : KestrelWorkbenchFactory
{
    private int _requests;
    public int Requests => Volatile.Read(ref _requests);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new Counter(this)));
    }

    private sealed class Counter(CountedInstance owner) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) => { Interlocked.Increment(ref owner._requests); return nextMiddleware(context); });
            next(app);
        };
    }
}

/// <summary>
/// The documented nginx config in front of two instances on one PostgreSQL database: a staff dashboard works through
/// it (sticky, WebSockets), hears reports made on either instance, and the proxy logs no client address.
/// </summary>
public class ReverseProxyTests(BrowserFixture browser) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _database = TestPostgres.CreateDatabase();
    private CountedInstance _a = null!;
    private CountedInstance _b = null!;
    private NginxProxy _proxy = null!;

    public async ValueTask InitializeAsync()
    {
        _a = Instance();
        _ = _a.BaseAddress;
        _b = Instance();
        _ = _b.BaseAddress;
        _proxy = await NginxProxy.StartAsync(_a.BaseAddress, _b.BaseAddress);
    }

    private CountedInstance Instance()
    {
        var app = new CountedInstance();
        app.UsePostgres(_database);
        app.Settings["Nacars:Proxy:KnownProxies:0"] = "127.0.0.1";
        app.Settings["Nacars:Intake:SubmissionsPerWindow"] = "2";
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        TestPostgres.DropDatabase(_database);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Through_nginx_a_live_dashboard_hears_reports_made_on_either_instance()
    {
        var analyst = await browser.NewPageAsync(_proxy.BaseAddress);
        await analyst.SignInAsync("analyst@demo.nacars.test");
        await analyst.GotoAsync("triage");
        await analyst.WaitReadyAsync("triage-page"); // the circuit's WebSocket came through the proxy

        // A member of the public, through the proxy with JavaScript off.
        var reporter = await browser.NewPageAsync(_proxy.BaseAddress, javaScript: false);
        await reporter.GotoAsync("report");
        await reporter.FillAsync("[name='Report.Account']", "Through the proxy: a constable is running number plates for a car thief.");
        await reporter.SelectOptionAsync("[name='Report.ForceCode']", "sussex");
        await reporter.ClickAsync("[data-testid='submit-report']");
        var viaProxy = await reporter.Locator("[data-testid='contact-reference']").InnerTextAsync();

        // And one call-handled report on each instance directly.
        var onA = await SubmitAsync(_a, "Made on instance A: a sergeant is stealing seized cash.");
        var onB = await SubmitAsync(_b, "Made on instance B: an inspector is harassing a witness.");

        foreach (var reference in new[] { viaProxy, onA, onB })
            await Expect(analyst.Locator($"[data-testid='contact-row'][data-reference='{reference}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await analyst.ShotAsync("triage-through-nginx");

        // One browser, one instance: everything it asked for went to the same place.
        Assert.True(_a.Requests == 0 || _b.Requests == 0, $"Requests were spread: A {_a.Requests}, B {_b.Requests}.");
        Assert.DoesNotContain("127.0.0.1", _proxy.AccessLog);
        Assert.DoesNotContain("Chrome", _proxy.AccessLog);
        Assert.Contains("POST /report", _proxy.AccessLog);
    }

    [Fact]
    public async Task Requests_from_one_client_all_go_to_the_same_instance()
    {
        using var client = new HttpClient { BaseAddress = _proxy.BaseAddress };
        var (beforeA, beforeB) = (_a.Requests, _b.Requests);
        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("report", Ct)).StatusCode);
        var (servedA, servedB) = (_a.Requests - beforeA, _b.Requests - beforeB);
        Assert.Equal(20, servedA + servedB);
        Assert.True(servedA == 0 || servedB == 0, $"A served {servedA}, B served {servedB}.");
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_rate_limit_is_per_reporter_not_per_proxy()
    {
        // Straight to instance A, as the proxy would call it, naming two different reporters.
        async Task<HttpStatusCode> PostAsAsync(string reporter)
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _a.BaseAddress };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", reporter);
            return (await WorkbenchFactory.PostFormAsync(client, "/report", "report", PublicFormTests.ValidReport())).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await PostAsAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await PostAsAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await PostAsAsync("198.51.100.23"));
    }

    [Fact]
    public async Task The_proxy_limits_posts_to_the_public_form_across_every_instance()
    {
        using var client = new HttpClient { BaseAddress = _proxy.BaseAddress };
        var statuses = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 25; i++)
        {
            using var response = await client.PostAsync("report", new FormUrlEncodedContent(new Dictionary<string, string> { ["Report.Account"] = "x" }), Ct);
            statuses.Add((response.StatusCode, await response.Content.ReadAsStringAsync(Ct)));
        }
        // The first few reach an instance (which refuses them for their own reasons); past the burst, nginx answers itself.
        Assert.Contains(statuses, s => s.Status == HttpStatusCode.TooManyRequests && s.Body.Contains("nginx", StringComparison.Ordinal));
        Assert.Contains(statuses, s => !s.Body.Contains("<center>nginx</center>", StringComparison.Ordinal));
    }

    private static async Task<string> SubmitAsync(WorkbenchFactory app, string account) =>
        (await app.Services.GetRequiredService<IntakeService>().SubmitOnlineAsync(new ReportSubmission { Account = account, ForceCode = "kent" }, Ct)).Reference;
}
