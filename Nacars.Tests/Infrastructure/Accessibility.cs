using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Nacars.Tests.Infrastructure;

/// <summary>axe-core in the page: no serious or critical WCAG violation.</summary>
public static class Accessibility
{
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        AxeResult result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(blocking.Count == 0, $"{what}: {string.Join("\n", blocking)}");
    }
}
