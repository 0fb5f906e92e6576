using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Nacars.Tests.Intake.Attachments;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Intake;

/// <summary>The public pages in a real Chromium (JavaScript off for the upload; on where axe must run in the page): Welsh with a Welsh validation error, a photo
/// uploaded and stripped, an expired token that keeps the text, and WCAG 2.2 AA at every impact level in both languages.</summary>
public class PublicPagesBrowserTests(BrowserFixture browser, KestrelWorkbenchFactory app) : IClassFixture<KestrelWorkbenchFactory>
{
    /// <summary>axe with the WCAG 2.x A/AA and 2.2 AA rules; any violation at any impact fails.</summary>
    internal static async Task AssertWcag22AaAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(violations.Count == 0, $"{what}: {string.Join("\n", violations)}");
    }

    [Fact]
    public async Task A_Welsh_reporter_follows_the_language_link_meets_a_Welsh_error_and_sends_the_report_in_Welsh()
    {
        // JavaScript on only because axe runs in the page (it crashes a page with scripts off); the forms post the same.
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("report");
        await AssertWcag22AaAsync(page, "English form");
        await page.ClickAsync("[data-testid='language-switch']");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cy/report$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await page.ShotAsync("welsh-report-form");
        await AssertWcag22AaAsync(page, "Welsh form");

        await page.FillAsync("[name='Report.WhereHappened']", "Abertawe");
        await page.ClickAsync("[data-testid='submit-report']");
        await Expect(page.Locator("[data-testid='error-summary']")).ToContainTextAsync("Dywedwch wrthym beth ddigwyddodd.");
        await Expect(page.Locator("[name='Report.WhereHappened']")).ToHaveValueAsync("Abertawe");
        await page.ShotAsync("welsh-report-error");
        await AssertWcag22AaAsync(page, "Welsh error state");

        await page.FillAsync("[name='Report.Account']", "Mae swyddog yn Abertawe yn gwerthu gwybodaeth i gang lleol.");
        await page.CheckAsync("input[name='Report.Categories'][value='money-or-favours']");
        await page.SelectOptionAsync("[name='Report.ForceCode']", "south-wales");
        await page.CheckAsync("#danger-no");
        await page.CheckAsync("#anonymous-yes");
        await page.ClickAsync("[data-testid='submit-report']");
        await Expect(page.Locator("[data-testid='contact-reference']")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await AssertWcag22AaAsync(page, "Welsh confirmation");
    }

    [Fact]
    public async Task The_follow_up_page_passes_WCAG_22_AA_in_both_languages()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        foreach (var path in new[] { "report/follow-up", "cy/report/follow-up", "cy/no-such-page" })
        {
            await page.GotoAsync(path);
            await AssertWcag22AaAsync(page, path);
        }
    }

    [Fact]
    public async Task A_post_with_an_expired_token_comes_back_with_every_word_and_a_plain_message()
    {
        // JavaScript on only to stand in for time: the token is replaced as if the page had been open for hours.
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("report");
        const string account = "Typed over a long evening: the custody sergeant at Dover took money to lose a tape.";
        await page.FillAsync("[name='Report.Account']", account);
        await page.EvalOnSelectorAsync("[data-testid='report-form'] [name='__RequestVerificationToken']", "e => e.value = 'CfDJ8-expired'");
        await page.ClickAsync("[data-testid='submit-report']");
        await Expect(page.Locator("[data-testid='error-notice']")).ToContainTextAsync("open for a long time");
        await Expect(page.Locator("[name='Report.Account']")).ToHaveValueAsync(account);
        // The error summary took focus, so a screen reader announces it first.
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("document.activeElement.dataset.testid"));
        await page.ClickAsync("[data-testid='submit-report']");
        await Expect(page.Locator("[data-testid='contact-reference']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_phone_photo_uploaded_without_JavaScript_is_shown_to_the_analyst_cleaned_and_the_view_is_audited()
    {
        var reporter = await browser.NewPageAsync(app.BaseAddress, javaScript: false);
        await reporter.GotoAsync("report");
        await reporter.FillAsync("[name='Report.Account']", "A photo of the officer taking the envelope outside the station.");
        await reporter.SetInputFilesAsync("[data-testid='attachment-input']", new FilePayload { Name = "IMG_0042.jpg", MimeType = "image/jpeg", Buffer = TestFiles.PhoneJpeg(640, 480) });
        await reporter.ClickAsync("[data-testid='submit-report']");
        var reference = await reporter.Locator("[data-testid='contact-reference']").InnerTextAsync();

        var analyst = await browser.NewPageAsync(app.BaseAddress);
        await analyst.SignInAsync(ReporterDialogueTests.Analyst);
        await analyst.GotoAsync($"triage/{reference}");
        await analyst.WaitReadyAsync("contact-page");
        var item = analyst.Locator("[data-testid='attachment-item']");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync("640 × 480");
        await item.Locator("[data-testid='view-attachment']").ClickAsync();
        var image = analyst.Locator("[data-testid='attachment-image']");
        await Expect(image).ToBeVisibleAsync();
        await analyst.WaitForFunctionAsync("() => { const i = document.querySelector(\"[data-testid='attachment-image']\"); return i && i.complete && i.naturalWidth === 640; }");
        await analyst.Locator("[data-testid='attachments-panel']").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "attachment-viewer.png") });

        await using var db = await app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.True(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.AuditEvents,
            e => e.ContactReference == reference && e.Action == Nacars.Core.Audit.AuditActions.AttachmentViewed, TestContext.Current.CancellationToken));
    }
}
