using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Dissemination;

/// <summary>Issue 28, item 1, as the analyst and the admin meet it: one click in Chromium sends the report through
/// Debian's Postfix (<c>eng/relay.sh</c>) into its Maildir, the PDF intact, over TLS by Postfix's own log; the admin's
/// mail check shows the relay's certificate chain.</summary>
public sealed class PostfixRelayBrowserTests(BrowserFixture browser) : DisseminationTestBase
{
    private static readonly TestRelay Relay = TestRelay.Instance;

    [Fact]
    public async Task One_click_delivers_the_report_and_its_pdf_through_the_real_relay_over_TLS()
    {
        await using var app = new KestrelWorkbenchFactory();
        app.Settings["Nacars:Mail:Mode"] = "Smtp";
        app.Settings["Nacars:Mail:SmtpHost"] = Relay.Host;
        app.Settings["Nacars:Mail:SmtpPort"] = Relay.TlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Nacars:Mail:RequireTls"] = "true";
        app.Settings["Nacars:Mail:Revocation"] = "Required";
        var reference = await ReadyContactAsync(app);

        var admin = await browser.NewPageAsync(app.BaseAddress);
        await admin.SignInAsync("admin@demo.nacars.test");
        await admin.GotoAsync("admin");
        await admin.WaitReadyAsync("admin-page");
        await admin.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "Mail" }).ClickAsync();
        await Expect(admin.Locator("[data-testid='mail-mode']")).ToContainTextAsync($"SMTP {Relay.Host}:{Relay.TlsPort}, STARTTLS required");
        await admin.ClickAsync("[data-testid='check-relay']");
        await Expect(admin.Locator("[data-testid='relay-check']")).ToContainTextAsync("certificate chain: CN=localhost ← CN=Nacars Test Postfix Relay CA",
            new() { Timeout = 15_000 });
        await admin.Locator("[data-testid='relay-check']").ShotAsync("admin-relay-check");

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(Analyst);
        await page.GotoAsync($"triage/{reference}");
        await page.WaitReadyAsync("contact-page");
        await page.ClickAsync("[data-testid='disseminate']");
        await Expect(page.Locator("[data-testid='dissemination-status'][data-state='Sent']")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var sent = Assert.Single(await OutboxAsync(app), m => m.Reference == reference);
        var messageId = sent.MessageId;
        var delivered = await Relay.WaitForMessageAsync(messageId, Patience);
        Assert.Single(Relay.Messages(messageId));
        var pdf = PdfOf(delivered);
        Assert.Equal(sent.Attachment, pdf);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
            Assert.Contains(reference, string.Concat(document.GetPages().Select(p => p.Text)));
        await WaitUntilAsync(() => Relay.TlsLineFor(messageId) is not null, Patience, "Postfix to log the session");
        Assert.Matches(@"TLS connection established from localhost\[127\.0\.0\.1\]: TLSv1\.[23]", Relay.TlsLineFor(messageId));
    }
}
