using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Account;

public class SignInTests(BrowserFixture browser, KestrelWorkbenchFactory app) : IClassFixture<KestrelWorkbenchFactory>
{

    [Fact]
    public async Task An_analyst_signs_in_and_sees_the_live_triage_queue()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync("analyst@demo.nacars.test");
        await page.GotoAsync("triage");
        await page.WaitReadyAsync("triage-page");
        await Expect(page.Locator("[data-testid='triage-queue'] [data-testid='contact-row']").First).ToBeVisibleAsync();
        var rows = await page.Locator("[data-testid='contact-row']").CountAsync();
        Assert.True(rows >= 5, $"expected the demo contacts in the queue, saw {rows}");
        var menu = page.Locator("[data-testid='nav-menu']");
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Triage" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "My account" })).ToBeVisibleAsync();
        // The menu shows an analyst only the stages an analyst may use.
        await Expect(menu.GetByRole(AriaRole.Link)).ToHaveCountAsync(4);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Wallboard" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Unmatched mail" })).ToBeVisibleAsync();
        await Expect(menu.GetByText("Admin")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid='signed-in-as']")).ToHaveTextAsync("analyst@demo.nacars.test");
        await page.ShotAsync("triage-queue");
    }
}
