using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Nacars.Core.Intake;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Dissemination;

/// <summary>The moment that matters, in a real browser: checklist, preview, one click, Sent — and the supervisor's
/// figures move live.</summary>
public class DisseminationBrowserTests(BrowserFixture browser, KestrelWorkbenchFactory app) : IClassFixture<KestrelWorkbenchFactory>
{
    [Fact]
    public async Task An_analyst_completes_the_checklist_previews_sends_and_sees_Sent_while_the_supervisor_sees_the_rate_change()
    {
        var ct = TestContext.Current.CancellationToken;
        var submitted = await app.Services.GetRequiredService<IntakeService>().SubmitOnlineAsync(new ReportSubmission
        {
            Account = "PC 4471 Daniel Hart at Maidstone police station took £200 from a garage owner to lose paperwork. Call me on 07700 900123.",
            ForceCode = "kent", Categories = ["money-or-favours"], SubjectName = "Daniel Hart", SubjectRole = "PC",
        }, ct);
        var reference = submitted.Reference;

        var supervisor = await browser.NewPageAsync(app.BaseAddress);
        await supervisor.SignInAsync("supervisor@demo.nacars.test");
        await supervisor.GotoAsync("supervision");
        await supervisor.WaitReadyAsync("supervision-page");
        var kent = supervisor.Locator("[data-testid='force-rates'] tr[data-force='kent']");
        var before = int.Parse(await kent.Locator("[data-testid='disseminated']").InnerTextAsync());

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync("analyst@demo.nacars.test");
        await page.GotoAsync($"triage/{reference}");
        await page.WaitReadyAsync("contact-page");
        await page.ClickAsync("[data-testid='claim']");
        await Expect(page.Locator("[data-testid='release']")).ToBeVisibleAsync();

        // Assistance: the details are highlighted, and one click copies the officer's number into the subject.
        var assist = page.Locator("[data-testid='assist-panel']");
        await Expect(assist.Locator("[data-testid='entity'][data-kind='officer-number']")).ToHaveTextAsync("PC 4471");
        await Expect(assist.Locator("[data-testid='entity'][data-kind='phone']")).ToBeVisibleAsync();
        await assist.Locator("[data-testid='entity'][data-kind='officer-number']").ClickAsync();
        await Expect(page.Locator("[data-testid='subject-number']")).ToHaveValueAsync("PC 4471");

        foreach (var check in new[] { "check-corroborable", "check-about-police", "check-not-personal-complaint" })
        {
            await page.CheckAsync($"[data-testid='{check}']");
            await Expect(page.Locator($"[data-testid='{check}-by']")).ToBeVisibleAsync();
        }
        // The draft starts redacted; the analyst writes their own, which still gives the reporter's number away.
        await Expect(page.Locator("[data-testid='redacted-draft-note']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='sanitised-account']")).Not.ToHaveValueAsync(new System.Text.RegularExpressions.Regex("07700"));
        await page.FillAsync("[data-testid='sanitised-account']", "A police constable at a Kent station is alleged to have taken cash to lose paperwork. Reporter on 07700 900123.");
        await page.ClickAsync("[data-testid='save-sanitised']");
        var flag = page.Locator("[data-testid='reporter-flag']");
        await Expect(flag).ToHaveCountAsync(1);
        await Expect(flag).ToContainTextAsync("07700 900123");
        await page.ShotAsync("contact-reporter-flag");
        // Sending is refused while the flag stands (the server refuses too: see AssistanceIntegrationTests).
        await Expect(page.Locator("[data-testid='disseminate-blockers']")).ToContainTextAsync("could identify the reporter");
        await page.ClickAsync("[data-testid='redact-flag']");
        await Expect(page.Locator("[data-testid='reporter-flag']")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid='sanitised-account']")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\[contact details removed\]"));
        await page.SelectOptionAsync("[data-testid='grade-source']", "2");
        await page.SelectOptionAsync("[data-testid='grade-assessment']", "C");
        await page.SelectOptionAsync("[data-testid='grade-handling']", "P");
        await Expect(page.Locator("[data-testid='grading-saved']")).ToContainTextAsync("2 · C · P");

        var preview = await page.Context.APIRequest.GetAsync(new Uri(app.BaseAddress, $"triage/{reference}/report.pdf").ToString());
        Assert.Equal(200, preview.Status);
        Assert.Equal("application/pdf", preview.Headers["content-type"]);
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotFolder, "information-report-preview.pdf"), await preview.BodyAsync(), ct);
        await Expect(page.Locator("[data-testid='preview-pdf']")).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid='disseminate']");
        await Expect(page.Locator("[data-testid='dissemination-status'][data-state='Sent']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ShotAsync("contact-sent");

        // The supervisor's per-force figures moved without a reload.
        await Expect(kent.Locator("[data-testid='disseminated']")).ToHaveTextAsync((before + 1).ToString(), new() { Timeout = 10_000 });
        await supervisor.ShotAsync("supervision-live");
        await Accessibility.AssertAccessibleAsync(supervisor, "supervision");

        // Exactly one email, with the PDF, in the pickup folder.
        var pickup = Path.Combine(app.DataRoot, "mail-pickup");
        var emails = Directory.GetFiles(pickup, "*.eml");
        var email = Assert.Single(emails);
        var message = await MimeMessage.LoadAsync(email, ct);
        Assert.Equal($"NACARS information report {reference}", message.Subject);
        Assert.Equal("anti-corruption.kent@example.org", message.To.Mailboxes.Single().Address);
        var pdf = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
    }
}
