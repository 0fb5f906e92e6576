using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.Supervision;

/// <summary>In Chromium, on the demo data: the force × month grid answers "which force, which month" (the rate written
/// in each cell, the counts on keyboard focus), a cell opens that force and month in search, and every table downloads
/// as CSV, audited.</summary>
public class SupervisionBrowserTests(BrowserFixture browser, KestrelWorkbenchFactory app) : IClassFixture<KestrelWorkbenchFactory>
{
    [Fact]
    public async Task A_supervisor_reads_the_grid_opens_a_cell_in_search_and_downloads_the_tables()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync("supervisor@demo.nacars.test");
        await page.GotoAsync("supervision");
        await page.WaitReadyAsync("supervision-page");

        var cell = page.Locator("[data-testid='grid-cell']").First;
        await Expect(cell).ToBeVisibleAsync();
        await Expect(cell.Locator(".pct")).ToHaveTextAsync(new Regex(@"^(\d+%|–|—|n/a)$"));
        var force = await cell.GetAttributeAsync("data-force");
        var month = await cell.GetAttributeAsync("data-month");
        Assert.False(string.IsNullOrEmpty(force));

        // Keyboard: focusing the cell's link shows its counts.
        await cell.Locator("a.cell").FocusAsync();
        await Expect(cell.Locator("[data-testid='grid-tip']")).ToBeVisibleAsync();
        await Expect(cell.Locator("[data-testid='grid-tip']")).ToContainTextAsync("received");
        await page.ShotAsync("supervision-grid");

        // Every table as CSV, each with its header, each download audited.
        foreach (var (file, header) in new[] { ("grid", "Force,ForceCode,Month,Received"), ("timeliness", "Force,ForceCode,Month,FirstSent"), ("audit", "") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"[data-testid='export-{file}']"));
            Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
            var text = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
            var firstLine = text.Split("\r\n")[0];
            Assert.False(string.IsNullOrWhiteSpace(firstLine));
            if (header.Length > 0) Assert.StartsWith(header, firstLine, StringComparison.Ordinal);
        }
        await using (var db = await app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken))
            Assert.True(await db.AuditEvents.CountAsync(a => a.Action == AuditActions.ExportDownloaded && a.Actor == "supervisor@demo.nacars.test", TestContext.Current.CancellationToken) >= 3);

        // A cell opens search for that force and month, across every status.
        await cell.Locator("a.cell").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/triage\?.*force={force}"));
        await page.WaitReadyAsync("triage-page");
        Assert.Contains($"from={month}-01", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid='filter-force']")).ToHaveValueAsync(force!);
    }
}
