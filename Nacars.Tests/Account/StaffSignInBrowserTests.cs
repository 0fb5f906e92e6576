using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Account;

/// <summary>In Chromium: every role enrols an authenticator at first sign-in and then signs in with a TOTP code
/// (computed with Otp.NET, as a phone would), reaching its stage and nothing before the code.</summary>
public class StaffSignInBrowserTests(BrowserFixture browser, StaffSignInBrowserTests.MfaRequired app) : IClassFixture<StaffSignInBrowserTests.MfaRequired>
{
    public sealed class MfaRequired : KestrelWorkbenchFactory
    {
        public MfaRequired() => Settings["Nacars:Security:RequireMfa"] = "true";
    }

    [Theory]
    [InlineData("callhandler", "intake", "Intake")]
    [InlineData("analyst", "triage", "Triage")]
    [InlineData("supervisor", "supervision", "Supervision")]
    [InlineData("admin", "admin", "Admin")]
    public async Task Each_role_signs_in_with_an_authenticator_code(string who, string stage, string menuEntry)
    {
        var email = $"{who}@demo.nacars.test";
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync($"Account/Login?returnUrl={stage}");
        await page.FillAsync("[name='Input.Email']", email);
        await page.FillAsync("[name='Input.Password']", "Kettle-Orchard-Demo-57");
        await page.ClickAsync("[data-testid='sign-in']");

        // First sign-in: set up the authenticator before anything else opens.
        await Expect(page).ToHaveURLAsync(new Regex("EnrolAuthenticator"));
        var key = await page.Locator("[data-testid='authenticator-key']").InnerTextAsync();
        await page.FillAsync("[data-testid='authenticator-code']", StaffSignInTests.Totp(key));
        await page.ClickAsync("[data-testid='verify-code']");
        await Expect(page.Locator("[data-testid='recovery-codes'] li")).ToHaveCountAsync(10);
        if (who == "analyst") await page.ShotAsync("enrolled-authenticator");
        await page.ClickAsync("[data-testid='continue-to-work']");
        await Expect(page.Locator("[data-testid='nav-menu']").GetByRole(AriaRole.Link, new() { Name = menuEntry })).ToBeVisibleAsync();

        // Signed out, then in again with a code from the "phone". The layout is live first: a click while the page was
        // still connecting was lost once under the full suite's load (the page stayed on the stage for 15 s).
        await page.WaitForSelectorAsync("main.workbench[data-ready='true']");
        await page.ClickAsync("[data-testid='sign-out']");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await page.GotoAsync($"{stage}");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await page.FillAsync("[name='Input.Email']", email);
        await page.FillAsync("[name='Input.Password']", "Kettle-Orchard-Demo-57");
        await page.ClickAsync("[data-testid='sign-in']");
        await Expect(page).ToHaveURLAsync(new Regex("LoginWith2fa"));
        await page.FillAsync("[data-testid='authenticator-code']", StaffSignInTests.Totp(key));
        await page.ClickAsync("[data-testid='verify-code']");
        await Expect(page).ToHaveURLAsync(new Regex($"/{stage}$"));
        await Expect(page.Locator("[data-testid='signed-in-as']")).ToHaveTextAsync(email);
        await Expect(page.Locator("[data-testid='nav-menu']").GetByRole(AriaRole.Link, new() { Name = menuEntry })).ToHaveAttributeAsync("aria-current", "page");
    }
}

/// <summary>An open page whose person stops using it is signed out after the idle timeout (here a few seconds).</summary>
public class IdleTimeoutBrowserTests(BrowserFixture browser, IdleTimeoutBrowserTests.ShortIdle app) : IClassFixture<IdleTimeoutBrowserTests.ShortIdle>
{
    public sealed class ShortIdle : KestrelWorkbenchFactory
    {
        public ShortIdle() => Settings["Nacars:Security:IdleTimeoutMinutes"] = "0.1";
    }

    [Fact]
    public async Task A_dashboard_left_alone_goes_to_the_signed_out_page_and_the_session_is_over()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync("analyst@demo.nacars.test");
        await page.GotoAsync("triage");
        await page.WaitReadyAsync("triage-page");

        // No input: live updates keep arriving, but they are not the person using the page.
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Expired"), new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid='session-expired']")).ToBeVisibleAsync();
        await page.GotoAsync("triage");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }
}
