using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Triage.Assistance;

/// <summary>Issue 27, in a browser: a report naming the Bridewell in Bristol, filed against Nottinghamshire, gets Avon
/// and Somerset suggested with the words that decided; changing the force asks first and names it; the queue row then
/// shows the reporter's choice beside the force.</summary>
public class ForceChoiceBrowserTests(BrowserFixture browser, KestrelWorkbenchFactory app) : IClassFixture<KestrelWorkbenchFactory>
{
    [Fact]
    public async Task The_town_beside_the_station_decides_and_the_change_is_confirmed_before_it_is_made()
    {
        var reporter = await browser.NewPageAsync(app.BaseAddress, javaScript: false);
        await reporter.GotoAsync("report");
        await reporter.FillAsync("[name='Report.Account']",
            "PC Daniel Hartley, who is based at Bridewell police station in Bristol, takes cash from a dealer on Stapleton Road every Friday.");
        await reporter.SelectOptionAsync("[name='Report.ForceCode']", "nottinghamshire");
        await reporter.ClickAsync("[data-testid='submit-report']");
        var reference = await reporter.Locator("[data-testid='contact-reference']").InnerTextAsync();

        var analyst = await browser.NewPageAsync(app.BaseAddress, width: 1440, height: 900);
        await analyst.SignInAsync("analyst@demo.nacars.test");
        await analyst.GotoAsync($"triage/{reference}");
        await analyst.WaitReadyAsync("contact-page");
        await analyst.ClickAsync("[data-testid='claim']");

        var suggestion = analyst.Locator("[data-testid='force-suggestion']").First;
        await Expect(suggestion).ToHaveAttributeAsync("data-force", "avon-and-somerset");
        await Expect(suggestion).ToContainTextAsync("'Bristol' beside it decides the force");
        await suggestion.Locator("[data-testid='use-force']").ClickAsync();
        var confirm = analyst.Locator("[data-testid='use-force-confirm']");
        await Expect(confirm).ToContainTextAsync("from Nottinghamshire Police to Avon and Somerset Police");
        await analyst.ShotAsync("force-change-confirm-1440");
        await Accessibility.AssertAccessibleAsync(analyst, "contact page asking to confirm the force");
        await analyst.ClickAsync("[data-testid='use-force-yes']");
        await Expect(confirm).ToHaveCountAsync(0);

        await analyst.GotoAsync("triage");
        await analyst.WaitReadyAsync("triage-page");
        var row = analyst.Locator($"[data-testid='contact-row'][data-reference='{reference}']");
        await Expect(row.Locator("[data-testid='row-force']")).ToHaveTextAsync("Avon and Somerset Police");
        await Expect(row.Locator("[data-testid='row-reported-force']")).ToHaveTextAsync("reporter said Nottinghamshire Police");
        await analyst.SetViewportSizeAsync(390, 844);
        await analyst.ShotAsync("queue-row-two-forces-390");
    }
}
