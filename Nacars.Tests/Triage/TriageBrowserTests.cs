using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Triage;

/// <summary>Two analysts on live dashboards: a public report appears on both without reload; a claim shows live.</summary>
public class TriageBrowserTests(BrowserFixture browser, KestrelWorkbenchFactory app) : IClassFixture<KestrelWorkbenchFactory>
{
    [Fact]
    public async Task A_new_report_appears_on_two_dashboards_and_a_claim_shows_live()
    {
        var analyst1 = await browser.NewPageAsync(app.BaseAddress);
        var analyst2 = await browser.NewPageAsync(app.BaseAddress);
        await analyst1.SignInAsync("analyst@demo.nacars.test");
        await analyst2.SignInAsync("analyst2@demo.nacars.test");
        foreach (var page in new[] { analyst1, analyst2 })
        {
            await page.GotoAsync("triage");
            await page.WaitReadyAsync("triage-page");
        }
        await analyst2.FillAsync("[data-testid='filter-reference']", "NAC-"); // a half-typed filter that must survive the update

        // A member of the public reports, in a third browser with JavaScript off.
        var reporter = await browser.NewPageAsync(app.BaseAddress, javaScript: false);
        await reporter.GotoAsync("report");
        await reporter.FillAsync("[name='Report.Account']", "Live test: a sergeant is selling custody records to a journalist.");
        await reporter.SelectOptionAsync("[name='Report.ForceCode']", "sussex");
        await reporter.ClickAsync("[data-testid='submit-report']");
        var reference = await reporter.Locator("[data-testid='contact-reference']").InnerTextAsync();

        var row1 = analyst1.Locator($"[data-testid='contact-row'][data-reference='{reference}']");
        var row2 = analyst2.Locator($"[data-testid='contact-row'][data-reference='{reference}']");
        await Expect(row1).ToBeVisibleAsync();
        await Expect(row2).ToBeVisibleAsync();
        await Expect(row2).ToHaveAttributeAsync("data-status", "New");
        Assert.Equal("NAC-", await analyst2.InputValueAsync("[data-testid='filter-reference']"));

        // Analyst 1 opens and claims it; analyst 2 sees the claim in place.
        await analyst1.GotoAsync($"triage/{reference}");
        await analyst1.WaitReadyAsync("contact-page");
        await analyst1.ClickAsync("[data-testid='claim']");
        await Expect(analyst1.Locator("[data-testid='release']")).ToBeVisibleAsync();
        await Expect(row2).ToHaveAttributeAsync("data-status", "InTriage");
        await Expect(row2.Locator("[data-testid='claimed-by']")).ToHaveTextAsync("analyst@demo.nacars.test");
        await analyst2.ShotAsync("triage-live-claim");
        await analyst1.ShotAsync("contact-claimed");

        await Accessibility.AssertAccessibleAsync(analyst2, "triage queue");
        await Accessibility.AssertAccessibleAsync(analyst1, "contact page");
    }
}
