using Bunit;
using Nacars.Core;
using Nacars.Core.Contacts;
using Nacars.Core.Triage;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Tests.Triage;

/// <summary>A group of the live queue's rows renders again only when something it shows changed, so an update to
/// one row of a long queue does not hand every other row its parameters again (ADR 0012).</summary>
public class QueueRowGroupTests : BunitContext
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TriageOptions Thresholds = new();

    private static QueueItem Item(int n, string? claimedBy = null) => new($"NAC-TEST-{n:0000}", Now.AddMinutes(-n), Channel.Online, "kent", "kent",
        ["corruption"], false, claimedBy is null ? ContactStatus.New : ContactStatus.InTriage, claimedBy, 0);

    private IRenderedComponent<QueueRowGroup> RenderGroup(List<QueueItem> rows, int first, int count, string? selected = null) =>
        Render<QueueRowGroup>(p => Parameters(p, rows, first, count, selected));

    private static void Parameters(ComponentParameterCollectionBuilder<QueueRowGroup> p, List<QueueItem> rows, int first, int count, string? selected) => p
        .Add(x => x.Rows, rows).Add(x => x.First, first).Add(x => x.Count, count).Add(x => x.NowUtc, Now).Add(x => x.Thresholds, Thresholds)
        .Add(x => x.FlashOf, _ => null).Add(x => x.Selected, selected).Add(x => x.OnSelect, _ => { });

    [Fact]
    public void A_group_shows_its_own_slice_of_the_page_and_the_last_one_what_is_left()
    {
        var rows = Enumerable.Range(0, 5).Select(n => Item(n)).ToList();

        var middle = RenderGroup(rows, 2, 2);
        var last = RenderGroup(rows, 4, 2);

        Assert.Equal(["NAC-TEST-0002", "NAC-TEST-0003"], middle.FindAll("tr").Select(r => r.GetAttribute("data-reference")));
        Assert.Equal(["NAC-TEST-0004"], last.FindAll("tr").Select(r => r.GetAttribute("data-reference")));
    }

    [Fact]
    public void It_renders_again_only_when_one_of_its_rows_changed_or_its_selection_moved()
    {
        var rows = Enumerable.Range(0, 6).Select(n => Item(n)).ToList();
        var group = RenderGroup(rows, 0, 3);
        Assert.Equal(1, group.RenderCount);

        // The page rendered again for a change in another group: this one has nothing new to show.
        rows[4] = Item(4, claimedBy: "analyst2@demo.nacars.test");
        group.Render(p => Parameters(p, rows, 0, 3, null));
        group.Render(p => Parameters(p, rows, 0, 3, "NAC-TEST-0005"));
        Assert.Equal(1, group.RenderCount);

        // One of its own rows was claimed. (bUnit counts the rows' own renders in the group's count as well.)
        rows[1] = Item(1, claimedBy: "analyst2@demo.nacars.test");
        group.Render(p => Parameters(p, rows, 0, 3, "NAC-TEST-0005"));
        var afterClaim = group.RenderCount;
        Assert.True(afterClaim > 1);
        Assert.Equal("analyst2@demo.nacars.test", group.FindAll("[data-testid='claimed-by']")[1].TextContent.Trim());

        // The selection moved onto one of its rows.
        group.Render(p => Parameters(p, rows, 0, 3, "NAC-TEST-0002"));
        Assert.True(group.RenderCount > afterClaim);
        Assert.Equal("true", group.FindAll("tr")[2].GetAttribute("aria-selected"));
    }
}
