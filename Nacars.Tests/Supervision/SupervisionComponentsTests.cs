using Bunit;
using Nacars.Core.Contacts;
using Nacars.Core.Supervision;
using Nacars.Workbench.Features.Supervision;

namespace Nacars.Tests.Supervision;

public class SupervisionComponentsTests(WorkbenchFactory app) : WorkbenchComponentTest(app)
{
    private static readonly IReadOnlyList<ForceRate> Rows =
    [
        new("kent", "Kent Police", 10, 4, 5, 1, 2, 1.5, 6.0, new Dictionary<NotDisseminatedReason, int> { [NotDisseminatedReason.Duplicate] = 5 }, 1, 0),
        new("met", "Metropolitan Police Service", 20, 7, 10, 3, 1, 2.0, 9.5, new Dictionary<NotDisseminatedReason, int> { [NotDisseminatedReason.PersonalComplaint] = 10 }, 0, 1),
        new("wiltshire", "Wiltshire Police", 0, 0, 0, 0, 0, null, null, new Dictionary<NotDisseminatedReason, int>(), 0, 0),
    ];

    [Fact]
    public void The_per_force_table_shows_rates_against_the_reference_a_national_row_and_sorts()
    {
        var cut = Render<ForceRatesTable>(p => p.Add(x => x.Rows, Rows));
        var kent = cut.Find("[data-testid='force-rates'] tr[data-force='kent']");
        Assert.Equal("40.0%", kent.QuerySelector("[data-testid='rate-received'] span")!.TextContent);   // 4 of 10 received
        Assert.Equal("44.4%", kent.QuerySelector("[data-testid='rate-decided']")!.TextContent);          // 4 of 9 decided
        Assert.Contains("left:35%", kent.QuerySelector(".rate-bar i")!.GetAttribute("style"));
        Assert.Empty(cut.FindAll("tr[data-force='wiltshire']")); // nothing to show for an empty force
        var national = cut.Find("tr[data-force='national']");
        Assert.Equal("30", national.QuerySelector("[data-testid='received']")!.TextContent);
        Assert.Equal("11", national.QuerySelector("[data-testid='disseminated']")!.TextContent);

        Assert.Equal(["met", "kent", "national"], cut.FindAll("tbody tr").Select(r => r.GetAttribute("data-force")));
        cut.FindAll("button.sort")[0].Click(); // by force name, A to Z
        Assert.Equal(["kent", "met", "national"], cut.FindAll("tbody tr").Select(r => r.GetAttribute("data-force")));
    }

    [Fact]
    public void The_charts_render_months_and_reasons()
    {
        var months = new[] { new MonthFigures("2026-01", 40, 14, 20, 6), new MonthFigures("2026-02", 45, 16, 25, 4) };
        var cut = Render<SupervisionCharts>(p => p.Add(x => x.Months, months).Add(x => x.Rows, Rows));
        Assert.NotEmpty(cut.Find("[data-testid='chart-monthly']").QuerySelectorAll("svg"));
        Assert.NotEmpty(cut.Find("[data-testid='chart-rate']").QuerySelectorAll("svg"));
        Assert.Contains("2026-02", cut.Find("[data-testid='chart-monthly']").TextContent);
        Assert.Contains("Personal complaint", cut.Find("[data-testid='chart-reasons']").TextContent);
    }
}
