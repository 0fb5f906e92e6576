using Nacars.Tests.Intake;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Triage;

/// <summary>The question and answer round trip in real browsers: the analyst asks on the contact page, the reporter
/// (JavaScript off) answers on the follow-up page, and the answer arrives live on the contact page and the queue.</summary>
public class ReporterDialogueBrowserTests(BrowserFixture browser, KestrelWorkbenchFactory app) : IClassFixture<KestrelWorkbenchFactory>
{
    [Fact]
    public async Task The_analysts_question_reaches_the_reporter_and_the_answer_arrives_live_with_reply_received_on_the_queue()
    {
        var report = await ReporterDialogueTests.ReportAsync(app, "Live dialogue: a PC at Ashford passes police checks to a car dealer.");
        var analyst = await browser.NewPageAsync(app.BaseAddress);
        await analyst.SignInAsync(ReporterDialogueTests.Analyst);
        var colleague = await browser.NewPageAsync(app.BaseAddress);
        await colleague.SignInAsync("analyst2@demo.nacars.test");
        await colleague.GotoAsync("triage");
        await colleague.WaitReadyAsync("triage-page");

        await analyst.GotoAsync($"triage/{report.Reference}");
        await analyst.WaitReadyAsync("contact-page");
        await analyst.ClickAsync("[data-testid='claim']");
        await Expect(analyst.Locator("[data-testid='release']")).ToBeVisibleAsync();
        await analyst.FillAsync("textarea[data-testid='followup-question']", "Which dealer was it, and roughly when?");
        await analyst.ClickAsync("[data-testid='ask-question']");
        await Expect(analyst.Locator("[data-testid='asked-question']")).ToContainTextAsync("Which dealer was it, and roughly when?");

        var reporter = await browser.NewPageAsync(app.BaseAddress, javaScript: false);
        await reporter.GotoAsync("report/follow-up");
        await reporter.FillAsync("#followup-reference", report.Reference);
        await reporter.FillAsync("#followup-code", report.FollowUpCode);
        await reporter.ClickAsync("[data-testid='followup-continue']");
        var question = reporter.Locator("[data-testid='followup-question']");
        await Expect(question).ToHaveTextAsync("Which dealer was it, and roughly when?");
        await Expect(reporter.Locator("main")).Not.ToContainTextAsync("analyst@");
        await reporter.FillAsync("[data-testid='followup-answer']", "Kingsnorth Motors, every Friday since September.");
        await reporter.ClickAsync("[data-testid='submit-followup']");
        await Expect(reporter.Locator("[data-testid='followup-added']")).ToBeVisibleAsync();

        // Live, without a reload: the answer under the question, and the colleague's queue row says a reply came.
        await Expect(analyst.Locator("[data-testid='question-answer']")).ToContainTextAsync("Kingsnorth Motors, every Friday since September.");
        await Expect(analyst.Locator("[data-testid='new-information']")).ToBeVisibleAsync();
        var row = colleague.Locator($"[data-testid='contact-row'][data-reference='{report.Reference}']");
        await Expect(row.Locator("[data-testid='reply-received']")).ToHaveTextAsync("reply received");
        await analyst.Locator("[data-testid='dialogue-panel']").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "contact-dialogue-panel.png") });

        await analyst.ClickAsync("[data-testid='acknowledge-new-information']");
        await Expect(analyst.Locator("[data-testid='new-information']")).ToHaveCountAsync(0);
        await Expect(row.Locator("[data-testid='reply-received']")).ToHaveCountAsync(0);
    }
}
