using Microsoft.Playwright;
using Nacars.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Supervision;

/// <summary>
/// The insider's controls as the people who use them see them, in Chromium against the demo with its history: a
/// supervisor keeps a year-old undecided contact (a reason is asked for first), and a role that needs two
/// administrators waits on one's page until the other approves it on theirs.
/// </summary>
public class InsiderControlsBrowserTests(BrowserFixture browser, NewcomerBrowserTests.WithHistory app) : IClassFixture<NewcomerBrowserTests.WithHistory>
{
    private async Task<IPage> OpenAsync(string email, string path, string readyTestId, int width = 1280, int height = 800)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: width, height: height);
        await page.SignInAsync(email);
        await page.GotoAsync(path);
        await page.WaitReadyAsync(readyTestId);
        return page;
    }

    [Fact]
    public async Task A_supervisor_keeps_a_year_old_undecided_contact_only_with_a_reason()
    {
        var page = await OpenAsync("supervisor@demo.nacars.test", "supervision", "supervision-page");
        var rows = page.Locator("[data-testid='undecided-row']");
        await Expect(rows).ToHaveCountAsync(2); // the demo's two contacts left undecided for over a year
        var row = rows.First;
        var reference = await row.GetAttributeAsync("data-reference");
        await row.Locator("[data-testid='keep-undecided']").ClickAsync();
        await Expect(page.GetByText("Say why the contact is kept undecided.")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(2);

        await row.Locator("[data-testid='keep-reason']").FillAsync("Linked to a live investigation");
        await row.Locator("[data-testid='keep-reason']").PressAsync("Tab");
        await page.Locator("[data-testid='undecided-review']").ShotAsync("undecided-review-1280");
        await row.Locator("[data-testid='keep-undecided']").ClickAsync();
        await Expect(page.Locator($"[data-testid='undecided-row'][data-reference='{reference}']")).ToHaveCountAsync(0);
        await Expect(rows).ToHaveCountAsync(1);

        var phone = await OpenAsync("supervisor@demo.nacars.test", "supervision", "supervision-page", 390, 844);
        await phone.Locator("[data-testid='undecided-review']").ShotAsync("undecided-review-390");
    }

    [Fact]
    public async Task A_supervisor_role_asked_for_by_one_administrator_waits_for_the_other()
    {
        var email = await app.StaffAsync("would-be.supervisor@example.org");
        var first = await OpenAsync("admin@demo.nacars.test", "admin", "admin-page");
        await first.GetByRole(AriaRole.Tab, new() { Name = "Staff" }).ClickAsync();
        var row = first.Locator($"tr[data-user='{email}']");
        await row.GetByLabel("Supervisor").CheckAsync();
        await Expect(row.Locator("[data-testid='pending-roles']")).ToContainTextAsync("Supervisor awaits a second administrator (asked by admin@demo.nacars.test)");
        await Expect(row.Locator("[data-testid='approve-roles']")).ToHaveCountAsync(0); // not for the one who asked
        await row.ShotAsync("pending-role-1280");

        var second = await OpenAsync("admin2@demo.nacars.test", "admin", "admin-page");
        await second.GetByRole(AriaRole.Tab, new() { Name = "Staff" }).ClickAsync();
        var seen = second.Locator($"tr[data-user='{email}']");
        await seen.Locator("[data-testid='approve-roles']").ClickAsync();
        await Expect(seen.Locator("[data-testid='pending-roles']")).ToHaveCountAsync(0);
        await Expect(seen.GetByLabel("Supervisor")).ToBeCheckedAsync();
    }
}
