using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Intake;

/// <summary>The public form in a real Chromium: with JavaScript off (Tor Browser "Safest"), quick exit, accessibility.</summary>
public class PublicReportBrowserTests(BrowserFixture browser, KestrelWorkbenchFactory app) : IClassFixture<KestrelWorkbenchFactory>
{
    private static async Task FillReportAsync(IPage page, string account)
    {
        await page.FillAsync("[name='Report.Account']", account);
        await page.CheckAsync("input[name='Report.Categories'][value='money-or-favours']");
        await page.SelectOptionAsync("[name='Report.ForceCode']", "kent");
        await page.FillAsync("[name='Report.SubjectRole']", "PC");
        await page.FillAsync("[name='Report.WhereHappened']", "Maidstone");
        await page.CheckAsync("#danger-no");
        await page.CheckAsync("#anonymous-yes");
    }

    [Fact]
    public async Task A_report_is_submitted_with_JavaScript_disabled()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, javaScript: false);
        await page.GotoAsync("report");
        await FillReportAsync(page, "With JavaScript off: an officer took money to drop a speeding case in Maidstone.");
        await page.ClickAsync("[data-testid='submit-report']");
        await Expect(page.Locator("[data-testid='contact-reference']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^NAC-[0-9A-Z]{4}-[0-9A-Z]{4}$"));
        await Expect(page.Locator("[data-testid='followup-code']")).ToBeVisibleAsync();
        await page.ShotAsync("report-confirmation-nojs");
    }

    [Fact]
    public async Task Quick_exit_by_the_link_and_by_Escape_replaces_the_page()
    {
        foreach (var byKey in new[] { false, true })
        {
            var page = await browser.NewPageAsync(app.BaseAddress);
            // The neutral site is outside this closed machine: answer for it locally.
            await page.RouteAsync("https://www.bbc.co.uk/**", route => route.FulfillAsync(new() { Body = "<h1>Weather</h1>", ContentType = "text/html" }));
            await page.GotoAsync("about:blank");
            await page.GotoAsync(new Uri(app.BaseAddress, "report").ToString());
            await Expect(page.Locator("[data-testid='quick-exit']")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("quick-exit", await page.EvaluateAsync<string>("document.activeElement.dataset.testid"));
            var historyBefore = await page.EvaluateAsync<int>("history.length");
            var leaving = page.WaitForURLAsync("https://www.bbc.co.uk/**", new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
            if (byKey) await page.Keyboard.PressAsync("Escape");
            else await page.ClickAsync("[data-testid='quick-exit']");
            await leaving;
            // The report page was replaced in history, not followed by the new page: Back cannot return to it.
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            Assert.Equal(historyBefore, await page.EvaluateAsync<int>("history.length"));
        }
    }

    [Fact]
    public async Task The_form_its_error_state_and_the_confirmation_have_no_serious_accessibility_violations()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("report");
        await Accessibility.AssertAccessibleAsync(page, "form");

        await page.ClickAsync("[data-testid='submit-report']");
        await Expect(page.Locator("[data-testid='error-summary']")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "error state");
        await page.ShotAsync("report-errors");

        await FillReportAsync(page, "An officer at Dover has been passing information to a smuggling gang.");
        await page.ClickAsync("[data-testid='submit-report']");
        await Expect(page.Locator("[data-testid='contact-reference']")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "confirmation");
    }
}
