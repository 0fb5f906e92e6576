using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Intake;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Intake;

/// <summary>A call handler keys in the longest account allowed, in scripts that take three or four bytes a character:
/// the page's connection carries it (it used to drop at SignalR's 32 KB default) and the draft is saved whole.</summary>
public class LongAccountBrowserTests(BrowserFixture browser, KestrelWorkbenchFactory app) : IClassFixture<KestrelWorkbenchFactory>
{
    [Theory]
    [InlineData("中文举报警察腐败")]  // Chinese: three bytes each in UTF-8
    [InlineData("😀🚓")]               // emoji: four bytes each, two UTF-16 units
    public async Task A_20000_character_account_in_any_script_keeps_the_call_handlers_page_connected_and_is_saved(string sample)
    {
        var account = string.Concat(Enumerable.Repeat(sample, 20_000 / sample.Length + 1))[..20_000];
        if (char.IsHighSurrogate(account[^1])) account = account[..^1];
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync("callhandler@demo.nacars.test");
        await page.GotoAsync("intake");
        await page.WaitReadyAsync("intake-page");
        await page.ClickAsync("[data-testid='start-call']");
        await Expect(page).ToHaveURLAsync(new Regex("/intake/"));
        await page.WaitReadyAsync("intake-page");
        var draftId = Guid.Parse(page.Url.Split('/').Last());

        await page.FillAsync("[data-testid='intake-account'] textarea, textarea[data-testid='intake-account']", account);

        var drafts = app.Services.GetRequiredService<IntakeDraftService>();
        await Eventually.TrueAsync(async () => (await drafts.LoadAsync(draftId, "callhandler@demo.nacars.test", TestContext.Current.CancellationToken))?.Report.Account == account);
        // Still connected: the page answers the next keystroke.
        await page.FillAsync("[data-testid='intake-subject-name'] input, input[data-testid='intake-subject-name']", "DS Example");
        await Eventually.TrueAsync(async () => (await drafts.LoadAsync(draftId, "callhandler@demo.nacars.test", TestContext.Current.CancellationToken))?.Report.SubjectName == "DS Example");
        await Expect(page.Locator("#components-reconnect-modal[open], .components-reconnect-show")).ToHaveCountAsync(0);
    }
}
