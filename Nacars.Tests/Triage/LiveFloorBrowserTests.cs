using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Triage;

/// <summary>The live floor in a real browser: a burst of reports all reach an open queue promptly; search; the urgent
/// alert with its sound and desktop notification; the keyboard; the wallboard.</summary>
public class LiveFloorBrowserTests(BrowserFixture browser, LiveFloorBrowserTests.ManyReporters app) : IClassFixture<LiveFloorBrowserTests.ManyReporters>
{
    /// <summary>Every report here comes from one address (loopback), so the per-client limit is raised by its setting.</summary>
    public sealed class ManyReporters : KestrelWorkbenchFactory
    {
        public ManyReporters() => Settings["Nacars:Intake:SubmissionsPerWindow"] = "1000";
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IPage> OpenAsync(string user, string path, string readyTestId, Func<IBrowserContext, Task>? prepare = null)
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        if (prepare is not null) await prepare(page.Context);
        await page.SignInAsync(user);
        await page.GotoAsync(path);
        await page.WaitReadyAsync(readyTestId);
        return page;
    }

    /// <summary>Posts the JS-free public form as a reporter's browser would, and returns the reference it shows.</summary>
    private async Task<string> ReportAsync(HttpClient client, string token, string account, string force = "sussex", bool danger = false, string? surname = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Report.Account"] = account, ["Report.ForceCode"] = force, ["Report.ImmediateDanger"] = danger ? "True" : "False",
            ["Report.StayAnonymous"] = "True", ["__RequestVerificationToken"] = token, ["_handler"] = "report",
        };
        if (surname is not null) fields["Report.SubjectName"] = $"Chris {surname}";
        using var response = await client.PostAsync("report", new FormUrlEncodedContent(fields), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var reference = Regex.Match(html, "data-testid=\"contact-reference\">([^<]+)<").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(reference), $"The form answered {(int)response.StatusCode} without a reference.");
        return reference;
    }

    private async Task<(HttpClient Client, string Token)> ReporterAsync()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
        var form = await client.GetStringAsync("report", Ct);
        return (client, Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
    }

    [Fact]
    public async Task Twenty_reports_posted_back_to_back_all_appear_on_an_open_queue_within_seconds_of_the_last()
    {
        var page = await OpenAsync("analyst@demo.nacars.test", "triage", "triage-page");
        var (client, token) = await ReporterAsync();

        var references = new List<string>();
        for (var i = 0; i < 20; i++)
            references.Add(await ReportAsync(client, token, $"Burst report {i}: an officer is selling the addresses of witnesses."));
        var afterLastPost = Stopwatch.StartNew();

        // A functional guard, not a timing goal (that is the dashboards benchmark): the queue does not fall behind.
        foreach (var reference in references)
            await Expect(page.Locator($"[data-testid='contact-row'][data-reference='{reference}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.True(afterLastPost.Elapsed < TimeSpan.FromSeconds(10), $"the last row appeared {afterLastPost.Elapsed.TotalSeconds:0.0} s after the last post");
        await Expect(page.Locator("[data-testid='new-contacts-cue']")).ToContainTextAsync("new contact");
    }

    [Fact]
    public async Task A_new_row_is_highlighted_by_the_browser_and_then_plain_again()
    {
        var page = await OpenAsync("analyst@demo.nacars.test", "triage", "triage-page");
        var (client, token) = await ReporterAsync();

        var reference = await ReportAsync(client, token, "Highlight: a detective is passing intelligence reports to a local gang.");

        // The highlight is the browser's own (a CSS animation held by its delay), so the server never waits for it. A row
        // off screen is skipped, highlight and all, until it is seen.
        var row = page.Locator($"[data-testid='contact-row'][data-reference='{reference}']");
        await row.ScrollIntoViewIfNeededAsync();
        await Expect(row).ToHaveCSSAsync("background-color", "rgb(255, 243, 196)");
        await page.ShotAsync("triage-row-highlight");
        await Expect(row).ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task The_queue_is_still_a_table_to_a_screen_reader_though_it_is_laid_out_as_a_grid_of_rows()
    {
        var page = await OpenAsync("analyst@demo.nacars.test", "triage", "triage-page");
        await Expect(page.Locator("[data-testid='contact-row']").First).ToBeVisibleAsync();

        // Chromium's own accessibility tree (what a screen reader reads), not the DOM: CSS display must not have
        // taken the table's meaning away (ADR 0012).
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var tree = (await cdp.SendAsync("Accessibility.getFullAXTree"))!.Value.GetProperty("nodes").EnumerateArray()
            .Select(n => (Role: n.TryGetProperty("role", out var r) ? r.GetProperty("value").GetString() : null,
                          Name: n.TryGetProperty("name", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() : null))
            .ToList();
        Assert.Contains(tree, n => n.Role == "table" && n.Name == "Contacts");
        Assert.Contains(tree, n => n.Role == "columnheader" && n.Name == "Reference");
        Assert.True(tree.Count(n => n.Role == "row") > 1, "the rows are rows");
        Assert.Contains(tree, n => n.Role is "cell" or "gridcell");
    }

    [Fact]
    public async Task A_search_lives_in_the_address_without_the_subject_and_a_shared_address_opens_the_same_view()
    {
        var (client, token) = await ReporterAsync();
        var wanted = await ReportAsync(client, token, "Search in the browser: an inspector takes cash to drop cases.", force: "gwent", surname: "Fairweather-Lowe");
        await ReportAsync(client, token, "Another report in the same force, about someone else.", force: "gwent", surname: "Ashdown");
        var page = await OpenAsync("analyst@demo.nacars.test", "triage", "triage-page");

        await page.SelectOptionAsync("[data-testid='filter-status']", "Any");
        await Expect(page).ToHaveURLAsync(new Regex("status=Any"));
        await page.FillAsync("[data-testid='filter-subject-surname']", "fairweather-lowe");
        await page.PressAsync("[data-testid='filter-subject-surname']", "Enter");

        await Expect(page.Locator("[data-testid='contact-row']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"[data-testid='contact-row'][data-reference='{wanted}']")).ToBeVisibleAsync();
        Assert.DoesNotContain("airweather", page.Url, StringComparison.OrdinalIgnoreCase);
        await page.ShotAsync("triage-search");

        // A force filter in the address, opened by a colleague, shows the same view.
        await page.SelectOptionAsync("[data-testid='filter-force']", "gwent");
        await Expect(page).ToHaveURLAsync(new Regex("force=gwent"));
        var colleague = await OpenAsync("analyst2@demo.nacars.test", page.Url[app.BaseAddress.ToString().Length..], "triage-page");
        await Expect(colleague.Locator("[data-testid='filter-force']")).ToHaveValueAsync("gwent");
        await Expect(colleague.Locator("[data-testid='filter-status']")).ToHaveValueAsync("Any");
        await Expect(colleague.Locator($"[data-testid='contact-row'][data-reference='{wanted}']")).ToBeVisibleAsync();
        Assert.All(await colleague.Locator("[data-testid='contact-row'] td:nth-child(4)").AllInnerTextsAsync(), f => Assert.Equal("Gwent Police", f.Trim()));
    }

    /// <summary>Records the page's desktop notifications and tones instead of showing and playing them.</summary>
    private const string AlertSpy = """
        window.__notifications = [];
        window.__tones = 0;
        window.Notification = class { constructor(title, options) { window.__notifications.push(title + ' | ' + (options && options.body)); }
          static get permission() { return 'granted'; } static requestPermission() { return Promise.resolve('granted'); } };
        const ctx = window.AudioContext;
        window.AudioContext = class extends ctx { createOscillator() { window.__tones++; return super.createOscillator(); } };
        """;

    [Fact]
    public async Task An_urgent_report_raises_an_alert_an_analyst_cannot_miss_and_the_keyboard_claims_it()
    {
        var page = await OpenAsync("analyst@demo.nacars.test", "triage", "triage-page", context => context.AddInitScriptAsync(AlertSpy));
        await Expect(page.Locator("[data-testid='desktop-alerts']")).ToHaveTextAsync("Desktop alerts on");
        var (client, token) = await ReporterAsync();

        var urgent = await ReportAsync(client, token, "Urgent in the browser: an officer is at a vulnerable woman's flat right now.", force: "kent", danger: true);

        await Expect(page.Locator("[data-testid='urgent-alert']")).ToContainTextAsync(urgent);
        await Expect(page).ToHaveTitleAsync(new Regex("URGENT"));
        var notifications = await page.EvaluateAsync<string[]>("() => window.__notifications");
        Assert.Contains(notifications, n => n.StartsWith($"URGENT contact {urgent}", StringComparison.Ordinal));
        Assert.DoesNotContain(notifications, n => n.Contains("vulnerable", StringComparison.OrdinalIgnoreCase)); // the reference only, never the account
        Assert.True(await page.EvaluateAsync<int>("() => window.__tones") >= 5, "the urgent alarm is several tones");
        await page.ShotAsync("triage-urgent-alert");

        // Keyboard: '?' lists the keys; j moves down the queue (urgent first) to the new contact; c claims it.
        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("?");
        await Expect(page.Locator("[data-testid='shortcuts']")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("?");
        await Expect(page.Locator("[data-testid='shortcuts']")).ToHaveCountAsync(0);
        var references = await page.Locator("[data-testid='contact-row']").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.reference)");
        var position = Array.IndexOf(references, urgent);
        Assert.True(position >= 0 && references.Take(position).All(r => r != urgent));
        var row = page.Locator($"[data-testid='contact-row'][data-reference='{urgent}']");
        for (var i = 0; i <= position; i++) await page.Keyboard.PressAsync("j");
        await Expect(row).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("c");
        await Expect(row).ToHaveAttributeAsync("data-status", "InTriage");
        await Expect(row.Locator("[data-testid='claimed-by']")).ToHaveTextAsync("analyst@demo.nacars.test");
        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("[data-testid='filter-reference']")).ToBeFocusedAsync();

        await Accessibility.AssertAccessibleAsync(page, "triage queue with an urgent alert");
    }

    [Fact]
    public async Task The_wallboard_follows_the_floor_live_and_is_readable()
    {
        var page = await OpenAsync("supervisor@demo.nacars.test", "wallboard", "wallboard");
        var value = (string id) => page.Locator($"[data-testid='{id}'] [data-testid='wb-value']");
        var before = int.Parse(await value("wb-new").InnerTextAsync());
        var receivedBefore = int.Parse(await value("wb-received-today").InnerTextAsync());
        var (client, token) = await ReporterAsync();

        var urgent = await ReportAsync(client, token, "Wallboard in the browser: an officer is threatening a witness tonight.", force: "essex", danger: true);

        await Expect(value("wb-new")).ToHaveTextAsync((before + 1).ToString());
        await Expect(value("wb-received-today")).ToHaveTextAsync((receivedBefore + 1).ToString());
        await Expect(page.Locator("[data-testid='wb-awaiting-fasttime']")).ToContainTextAsync(urgent);
        foreach (var id in new[] { "wb-in-triage", "wb-oldest-unclaimed", "wb-oldest-urgent", "wb-sla-breaches", "wb-outbox-queued", "wb-outbox-failing" })
            await Expect(page.Locator($"[data-testid='{id}']")).ToBeVisibleAsync();
        await page.ShotAsync("wallboard");
        await Accessibility.AssertAccessibleAsync(page, "wallboard");
    }
}
