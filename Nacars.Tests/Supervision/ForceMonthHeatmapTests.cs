using Bunit;
using Nacars.Core.Supervision;
using Nacars.Workbench.Features.Supervision;

namespace Nacars.Tests.Supervision;

/// <summary>The force × month grid and the timeliness table beside it, rendered from figures whose answers are known.</summary>
public class ForceMonthHeatmapTests : BunitContext
{
    private static readonly ForceMonthGrid Grid = new(["2026-01", "2026-02"],
    [
        new("kent", "2026-01", Received: 5, Disseminated: 3, NotDisseminated: 1, Open: 1, FirstSent: 3, MedianHoursToSent: 6, P90HoursToSent: 30),
        new("kent", "2026-02", 2, 1, 0, 1, 1, 1, 1),
        new("met", "2026-02", 10, 1, 9, 0, 1, 4.26, 4.26),
        new("essex", "2026-02", 0, 0, 0, 0, 0, null, null), // a row of nothing: no force row for it
    ]);

    [Fact]
    public void Each_cell_shows_the_rate_of_received_in_its_colour_band_with_the_force_and_month_as_hooks()
    {
        var cut = Render<ForceMonthHeatmap>(p => p.Add(x => x.Grid, Grid));
        var table = cut.Find("table[data-testid='force-month-grid']");
        Assert.Equal(["kent", "met"], table.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-force")));
        Assert.Equal(["Force", "Feb 2026", "Jan 2026"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));

        var cells = cut.FindAll("[data-testid='grid-cell']");
        Assert.Equal(4, cells.Count);
        var january = cut.Find("[data-testid='grid-cell'][data-force='kent'][data-month='2026-01']");
        Assert.Equal("60%", january.QuerySelector(".pct")!.TextContent);      // the % is written: colour is not the only signal
        Assert.Contains("heat-5", january.ClassName);                          // 60% is in the darkest band
        Assert.Contains("heat-1", cut.Find("[data-month='2026-02'][data-force='met']").ClassName); // 10%
        var empty = cut.Find("[data-testid='grid-cell'][data-force='met'][data-month='2026-01']");
        Assert.Equal("–", empty.QuerySelector(".pct")!.TextContent);
        Assert.Contains("heat-none", empty.ClassName);
        Assert.Contains("nothing received", cut.Find(".heat-legend").TextContent);
    }

    [Fact]
    public void Counts_show_on_hover_and_on_focus_and_each_cell_is_a_focusable_link_with_a_spoken_label()
    {
        var cut = Render<ForceMonthHeatmap>(p => p.Add(x => x.Grid, Grid));
        var link = cut.Find("[data-testid='grid-cell'][data-force='kent'][data-month='2026-01'] a");
        Assert.NotNull(link.GetAttribute("href"));                             // a link: reached with Tab, opened with Enter
        Assert.Equal("Kent Police, January 2026: 60% disseminated of received. 5 received · 4 decided · 3 disseminated · 1 open. Opens these contacts in search.",
            link.GetAttribute("aria-label"));
        // The tooltip is in the link, shown by the stylesheet on :hover and on :focus.
        Assert.Equal("5 received · 4 decided · 3 disseminated · 1 open", link.QuerySelector("[data-testid='grid-tip']")!.TextContent);
        Assert.Equal("0 received · 0 decided · 0 disseminated · 0 open",
            cut.Find("[data-force='met'][data-month='2026-01'] [data-testid='grid-tip']").TextContent);
        var css = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Nacars.Workbench", "wwwroot", "css", "workbench.css"));
        Assert.Contains(".heatmap a.cell:hover .tip, .heatmap a.cell:focus .tip { display: block; }", css);
    }

    [Fact]
    public void A_cell_opens_its_force_and_whole_month_in_the_triage_search()
    {
        var cut = Render<ForceMonthHeatmap>(p => p.Add(x => x.Grid, Grid));
        Assert.Equal("triage?status=Any&force=kent&from=2026-01-01&to=2026-01-31",
            cut.Find("[data-force='kent'][data-month='2026-01'] a").GetAttribute("href"));
        Assert.Equal("triage?status=Any&force=met&from=2026-02-01&to=2026-02-28",
            cut.Find("[data-force='met'][data-month='2026-02'] a").GetAttribute("href"));
        Assert.Equal("triage?status=Any&force=kent&from=2028-02-01&to=2028-02-29",
            ForceMonthHeatmap.SearchLink(new ForceMonthFigures("kent", "2028-02", 1, 0, 0, 1, 0, null, null))); // a leap year
    }

    [Fact]
    public void The_same_figures_are_offered_as_a_plain_table()
    {
        var cut = Render<ForceMonthHeatmap>(p => p.Add(x => x.Grid, Grid));
        var toggle = cut.Find("[data-testid='grid-as-table']");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.Empty(cut.FindAll("[data-testid='force-month-table']"));

        toggle.Click();
        Assert.Equal("true", cut.Find("[data-testid='grid-as-table']").GetAttribute("aria-expanded"));
        var rows = cut.FindAll("[data-testid='force-month-table'] tbody tr");
        Assert.Equal(4, rows.Count); // Kent and the Met, two months each
        var kentJanuary = cut.Find("[data-testid='force-month-table'] tr[data-force='kent'][data-month='2026-01']");
        Assert.Equal(["Kent Police", "Jan 2026", "5", "4", "3", "1", "60%", "75%"], kentJanuary.Children.Select(c => c.TextContent));
        var metFebruary = cut.Find("[data-testid='force-month-table'] tr[data-force='met'][data-month='2026-02']");
        Assert.Equal(["10", "10", "1", "0", "10%", "10%"], metFebruary.Children.Skip(2).Select(c => c.TextContent));

        cut.Find("[data-testid='grid-as-table']").Click();
        Assert.Empty(cut.FindAll("[data-testid='force-month-table']"));
    }

    [Fact]
    public void With_nothing_received_the_grid_says_so()
    {
        var cut = Render<ForceMonthHeatmap>(p => p.Add(x => x.Grid, new ForceMonthGrid(["2026-01"], [])));
        Assert.NotNull(cut.Find("[data-testid='force-month-empty']"));
        Assert.Empty(cut.FindAll("[data-testid='force-month-grid']"));
    }

    [Fact]
    public void Timeliness_shows_the_median_and_90th_percentile_hours_per_force_and_month()
    {
        var cut = Render<TimelinessByMonth>(p => p.Add(x => x.Grid, Grid));
        var kentJanuary = cut.Find("[data-testid='timeliness-grid'] [data-testid='timeliness-cell'][data-force='kent'][data-month='2026-01']");
        Assert.Equal("6.0 / 30.0 (3)", Normalise(kentJanuary.TextContent));
        Assert.Equal("4.3 / 4.3 (1)", Normalise(cut.Find("[data-testid='timeliness-cell'][data-force='met'][data-month='2026-02']").TextContent));
        Assert.Equal("–", Normalise(cut.Find("[data-testid='timeliness-cell'][data-force='met'][data-month='2026-01']").TextContent));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
