using Nacars.Core.Supervision;

namespace Nacars.Tests.Supervision;

/// <summary>Every supervision CSV is written by one writer that keeps a spreadsheet from running a cell as a formula.</summary>
public class CsvExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://example.org\")")]
    [InlineData("+44 1632 960000")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public void A_text_cell_that_a_spreadsheet_would_run_is_written_with_a_leading_apostrophe(string typed)
    {
        var csv = CsvExport.Workload([new AnalystDay(typed, new DateOnly(2026, 1, 5), 3)]);
        var row = Assert.Single(KnownFiguresTests.Parse(csv));
        Assert.Equal("'" + typed, row["Analyst"]);
        Assert.Equal(("2026-01-05", "3"), (row["Day"], row["Decisions"]));
    }

    [Fact]
    public void Plain_text_and_numbers_are_left_as_they_are()
    {
        var csv = CsvExport.Workload([new AnalystDay("analyst@example.org", new DateOnly(2026, 1, 5), -1), new AnalystDay("O'Brien, A", new DateOnly(2026, 1, 6), 2)]);
        Assert.Equal("Day,Analyst,Decisions\r\n2026-01-05,analyst@example.org,-1\r\n2026-01-06,\"O'Brien, A\",2\r\n", csv);
    }

    [Fact]
    public void Every_table_has_its_header_even_when_empty()
    {
        var grid = new ForceMonthGrid(["2026-01"], []);
        Assert.Equal("Force,ForceCode,Month,Received,Decided,Disseminated,NotDisseminated,Open,DisseminatedOfReceivedPercent,DisseminatedOfDecidedPercent\r\n",
            CsvExport.Grid(grid));
        Assert.Equal("Force,ForceCode,Month,FirstSent,MedianHoursToSent,P90HoursToSent\r\n", CsvExport.Timeliness(grid));
        Assert.Equal("Month,Received,Decided,Disseminated,NotDisseminated,Open,DisseminatedOfReceivedPercent,DisseminatedOfDecidedPercent\r\n" +
            "2026-01,0,0,0,0,0,,\r\n", CsvExport.Monthly([new MonthFigures("2026-01", 0, 0, 0, 0)]));
    }
}
