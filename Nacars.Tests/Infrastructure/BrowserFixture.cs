using System.Text.RegularExpressions;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Nacars.Tests.Infrastructure.BrowserFixture))]

namespace Nacars.Tests.Infrastructure;

/// <summary>One headless Debian Chromium for the whole run, driven by Playwright. The README's test command installs
/// Chromium when it is missing; if it is still missing the browser tests fail loudly rather than skip.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    public static string ScreenshotFolder { get; } = Path.Combine(Path.GetTempPath(), "nacars-screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}. Run the README's test command (bash eng/test.sh), which installs it.");
        Directory.CreateDirectory(ScreenshotFolder);
        // Playwright's expectations wait five seconds by default; a live update on a loaded CI machine can take longer.
        // A generous limit costs nothing when the expectation is met early.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

public static class PageExtensions
{
    public static async Task<IPage> NewPageAsync(this BrowserFixture fixture, Uri baseAddress, bool javaScript = true, int width = 1400, int height = 1000)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the real form and waits for the workbench to be interactive.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = "Kettle-Orchard-Demo-57")
    {
        await page.GotoAsync("Account/Login");
        await page.FillAsync("[name='Input.Email']", email);
        await page.FillAsync("[name='Input.Password']", password);
        await page.ClickAsync("[data-testid='sign-in']");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
    }

    /// <summary>Blazor drops clicks made before the circuit connects: wait for the page to say it is ready.</summary>
    public static Task WaitReadyAsync(this IPage page, string pageTestId) =>
        page.WaitForSelectorAsync($"[data-testid='{pageTestId}'][data-ready='true']");

    public static Task ShotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>One part of a long page (the supervision page runs to many screens).</summary>
    public static Task ShotAsync(this ILocator part, string name) =>
        part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png") });
}
