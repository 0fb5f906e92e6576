using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Hosting;

/// <summary>
/// Each role's first use at a wide screen, a laptop and a phone, in Chromium, against the demo with its months of
/// history: nothing on the public pages scrolls sideways, no button of the contact page, the force editor or the
/// supervision page is cut off at the edge, a reload of a confirmation files nothing new, and axe finds no serious
/// problem on the staff pages. Screenshots of every page land in the screenshot folder for a person to look at.
/// </summary>
public class NewcomerBrowserTests(BrowserFixture browser, NewcomerBrowserTests.WithHistory app) : IClassFixture<NewcomerBrowserTests.WithHistory>
{
    public sealed class WithHistory : KestrelWorkbenchFactory
    {
        public WithHistory()
        {
            Settings["Nacars:Demo:HistoryMonths"] = "13";
            Settings["Nacars:Intake:SubmissionsPerWindow"] = "1000";
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Buttons (and button-like links) whose box reaches past the window's left or right edge, leaving out
    /// those inside a container made to scroll sideways.</summary>
    private const string ButtonsOutside = """
        () => [...document.querySelectorAll('button, a.mud-button-root, .button')]
          .filter(b => b.offsetParent !== null)
          .filter(b => { for (let e = b.parentElement; e; e = e.parentElement) { const o = getComputedStyle(e).overflowX; if (o === 'auto' || o === 'scroll') return false; } return true; })
          .filter(b => { const r = b.getBoundingClientRect(); return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1); })
          .map(b => (b.getAttribute('data-testid') || b.textContent.trim()).slice(0, 40))
        """;

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{what} scrolls sideways ({await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide)");

    private static async Task AssertButtonsInsideAsync(IPage page, string what)
    {
        var outside = await page.EvaluateAsync<string[]>(ButtonsOutside);
        Assert.True(outside.Length == 0, $"{what}: cut off at the edge: {string.Join(", ", outside)}");
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task A_reporter_on_any_screen_never_scrolls_sideways_and_a_reload_files_nothing_new(int width, int height)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: width, height: height);
        foreach (var path in new[] { "report", "cy/report", "report/follow-up" })
        {
            await page.GotoAsync(path);
            await AssertNoSidewaysScrollAsync(page, $"/{path} at {width} px");
            await page.ShotAsync($"newcomer-public-{path.Replace('/', '-')}-{width}");
        }
        await page.GotoAsync("report");
        await page.FillAsync("[name='Report.Account']", $"A PC at Dover takes cash from a dealer; seen at {width} px.");
        await page.ClickAsync("[data-testid='submit-report']");
        var reference = await page.Locator("[data-testid='contact-reference']").InnerTextAsync();
        await AssertNoSidewaysScrollAsync(page, $"the confirmation at {width} px");
        int before;
        await using (var db = await app.Db.CreateDbContextAsync(Ct)) before = await db.Contacts.CountAsync(Ct);

        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid='contact-reference']")).ToHaveTextAsync(reference);
        await Expect(page.Locator("[data-testid='already-received']")).ToBeVisibleAsync();
        await using (var db = await app.Db.CreateDbContextAsync(Ct)) Assert.Equal(before, await db.Contacts.CountAsync(Ct));
    }

    private async Task<IPage> OpenAsync(string email, string path, string readyTestId, int width, int height)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: width, height: height);
        await page.SignInAsync(email);
        await page.GotoAsync(path);
        await page.WaitReadyAsync(readyTestId);
        return page;
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Staff_pages_keep_every_button_on_screen_and_pass_axe(int width, int height)
    {
        var signIn = await browser.NewPageAsync(app.BaseAddress, width: width, height: height);
        await signIn.GotoAsync("Account/Login");
        await signIn.ShotAsync($"newcomer-sign-in-{width}");
        if (width == 1280) await Accessibility.AssertAccessibleAsync(signIn, "sign-in");

        var analyst = await OpenAsync("analyst@demo.nacars.test", "triage", "triage-page", width, height);
        await analyst.ShotAsync($"newcomer-queue-{width}");
        var reference = await analyst.Locator("[data-testid='contact-row'][data-status='New']").First.GetAttributeAsync("data-reference");
        await analyst.GotoAsync($"triage/{reference}");
        await analyst.WaitReadyAsync("contact-page");
        await analyst.ClickAsync("[data-testid='claim']");
        await Expect(analyst.Locator("[data-testid='action-bar']")).ToBeVisibleAsync();
        // The send bar is in the window without scrolling, whatever the screen.
        var bar = await analyst.Locator("[data-testid='action-bar']").BoundingBoxAsync();
        Assert.True(bar is not null && bar.Y + bar.Height <= height + 1, $"the send bar is at {bar?.Y} on a {height} px window");
        await AssertButtonsInsideAsync(analyst, $"contact page at {width} px");
        await analyst.ShotAsync($"newcomer-contact-{width}");

        var callHandler = await OpenAsync("callhandler@demo.nacars.test", "intake", "intake-page", width, height);
        await AssertButtonsInsideAsync(callHandler, $"intake at {width} px");
        await callHandler.ShotAsync($"newcomer-intake-{width}");

        var supervisor = await OpenAsync("supervisor@demo.nacars.test", "supervision", "supervision-page", width, height);
        await AssertButtonsInsideAsync(supervisor, $"supervision at {width} px");
        await supervisor.ShotAsync($"newcomer-supervision-{width}");

        var admin = await OpenAsync("admin@demo.nacars.test", "admin", "admin-page", width, height);
        await admin.Locator("[data-testid='edit-force']").First.ClickAsync();
        await AssertButtonsInsideAsync(admin, $"force editor at {width} px");
        await admin.ShotAsync($"newcomer-admin-{width}");
        if (width == 1280) await Accessibility.AssertAccessibleAsync(admin, "admin");
    }
}
