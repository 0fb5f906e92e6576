using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Nacars.Core.Intake;
using Nacars.Tests.Integration;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Browser;

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
            Account = "PC Daniel Hart at Maidstone took £200 from a garage owner to lose paperwork. Call me on 07700 900123.",
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

        foreach (var check in new[] { "check-corroborable", "check-about-police", "check-not-personal-complaint" })
        {
            await page.CheckAsync($"[data-testid='{check}']");
            await Expect(page.Locator($"[data-testid='{check}-by']")).ToBeVisibleAsync();
        }
        await page.FillAsync("[data-testid='sanitised-account']", "A police constable at a Kent station is alleged to have taken cash to lose paperwork. Reporter on 07700 900123.");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("[data-testid='pii-warning']")).ToBeVisibleAsync(); // the phone number is flagged
        await page.FillAsync("[data-testid='sanitised-account']", "A police constable at a Kent station is alleged to have taken cash to lose paperwork.");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("[data-testid='pii-warning']")).ToHaveCountAsync(0);
        await page.SelectOptionAsync("[data-testid='grade-source']", "B");
        await page.SelectOptionAsync("[data-testid='grade-assessment']", "3");
        await page.SelectOptionAsync("[data-testid='grade-handling']", "P");
        await Expect(page.Locator("[data-testid='grading-saved']")).ToContainTextAsync("B · 3 · P");

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
        await PublicReportBrowserTests.AssertAccessibleAsync(supervisor, "supervision");

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
