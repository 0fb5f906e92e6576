using System.Net;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Core.Supervision;

namespace Nacars.Tests.Supervision;

/// <summary>
/// Every supervision figure on a data set built so each answer is known, on the real database (and again on
/// PostgreSQL below): both rates, open, decided, re-routes in and out keeping the first decision, the force × month
/// grid, timeliness per force and month, and the CSV files as downloaded.
/// </summary>
public class KnownFiguresTests(KnownFiguresTests.KnownData app) : IClassFixture<KnownFiguresTests.KnownData>
{
    /// <summary>
    /// Q1 2026 (demo contacts are all from the last few days, far outside it):
    /// Kent, January: 5 received — 3 disseminated (first sends after 2, 6 and 30 h), 1 duplicate, 1 open.
    /// Kent, February: 2 received — 1 disseminated (sent after 1 h) and then re-routed to Sussex, 1 open (in triage).
    /// Essex, February: 10 received, all disseminated, sent after 1, 2 … 10 h.
    /// Met, March: 3 received — 2 disseminated (one sent after 4 h, one still queued), 1 personal complaint.
    /// Kent, 31 March 23:30 UTC: 1 April in the UK, outside the quarter.
    /// Audit events on 15 March whose details start with characters a spreadsheet would run.
    /// </summary>
    public class KnownData : WorkbenchFactory
    {
        private readonly SemaphoreSlim _seeded = new(1, 1);
        private bool _done;
        public string ReroutedReference { get; private set; } = "";

        public async Task SeedAsync()
        {
            await _seeded.WaitAsync();
            try
            {
                if (_done) return;
                await using (var db = await Db.CreateDbContextAsync())
                {
                    string Add(string force, string utc, Action<Contact>? decide, double? hoursToSend = null)
                    {
                        var received = Utc(utc);
                        var c = Contact.Receive(Reference.NewReference(), Channel.Online, received, new ReportedFacts
                        {
                            Account = "Constructed account for the known figures.",
                            Categories = ["other"],
                            ForceCode = force,
                        }, null);
                        decide?.Invoke(c);
                        db.Contacts.Add(c);
                        if (c.Status == ContactStatus.Disseminated)
                        {
                            var d = new DisseminationRecord(Guid.NewGuid(), c.Id, c.Reference, force, $"{force}@example.org", received, Analyst, null, received);
                            if (hoursToSend is { } h) d.Delivered(received.AddHours(h));
                            db.Disseminations.Add(d);
                        }
                        return c.Reference;
                    }
                    Add("kent", "2026-01-10T10:00:00Z", Send, 2);
                    Add("kent", "2026-01-20T10:00:00Z", Send, 6);
                    Add("kent", "2026-01-25T10:00:00Z", Send, 30);
                    Add("kent", "2026-01-28T10:00:00Z", Not(NotDisseminatedReason.Duplicate));
                    Add("kent", "2026-01-30T10:00:00Z", null);
                    ReroutedReference = Add("kent", "2026-02-03T10:00:00Z", Send, 1);
                    Add("kent", "2026-02-14T10:00:00Z", c => c.Claim(Analyst, c.ReceivedAtUtc));
                    for (var h = 1; h <= 10; h++) Add("essex", $"2026-02-{10 + h:00}T09:00:00Z", Send, h);
                    Add("met", "2026-03-05T10:00:00Z", Not(NotDisseminatedReason.PersonalComplaint));
                    Add("met", "2026-03-06T10:00:00Z", Send, 4);
                    Add("met", "2026-03-07T10:00:00Z", Send);
                    Add("kent", "2026-03-31T23:30:00Z", Send, 3);
                    foreach (var detail in FormulaDetails)
                        db.AuditEvents.Add(new AuditEvent(Utc("2026-03-15T12:00:00Z"), "supervisor@example.org", AuditActions.ContactEdited, null, detail));
                    await db.SaveChangesAsync();
                }
                // The re-route goes through the real service: it queues a second report to Sussex's mailbox.
                await Services.GetRequiredService<DisseminationService>().RerouteAsync(ReroutedReference, "sussex", "The officer works for Sussex now", Supervisor);
                _done = true;
            }
            finally
            {
                _seeded.Release();
            }
        }

        private static Action<Contact> Send => c =>
        {
            c.Claim(Analyst, c.ReceivedAtUtc);
            foreach (var check in Enum.GetValues<ThresholdCheck>()) c.Tick(check, true, Analyst, c.ReceivedAtUtc);
            c.WriteSanitisedAccount("Sanitised.", Analyst);
            c.Grade(new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Analyst);
            c.Disseminate(Analyst, c.ReceivedAtUtc.AddMinutes(30), Nacars.Core.Assistance.ReporterFlagCheck.Unresolved(c).Count);
        };

        private static Action<Contact> Not(NotDisseminatedReason reason) => c =>
        {
            c.Claim(Analyst, c.ReceivedAtUtc);
            c.DecideNotToDisseminate(reason, "note", Analyst, c.ReceivedAtUtc.AddHours(1));
        };
    }

    internal const string Analyst = "analyst@example.org";
    internal const string Supervisor = "supervisor@demo.nacars.test";
    internal static readonly string[] FormulaDetails = ["=HYPERLINK(\"http://example.org\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tindented", "\rreturn", "plain words"];
    private static readonly StatsFilter Quarter = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
    private SupervisionStatistics Stats => app.Services.GetRequiredService<SupervisionStatistics>();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static DateTime Utc(string s) =>
        DateTime.Parse(s, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    [Fact]
    public async Task Each_force_shows_received_decided_open_and_both_rates_and_the_national_row_adds_up()
    {
        await app.SeedAsync();
        var rows = await Stats.ForceRatesAsync(Quarter, Ct);
        var kent = rows.Single(r => r.ForceCode == "kent");
        Assert.Equal((7, 5, 4, 1, 2), (kent.Received, kent.Decided, kent.Disseminated, kent.NotDisseminated, kent.Open));
        Assert.Equal(57.1, kent.RateOfReceivedPercent);   // 4 of 7 received
        Assert.Equal(80.0, kent.RateOfDecidedPercent);    // 4 of 5 decided

        var met = rows.Single(r => r.ForceCode == "met");
        Assert.Equal((3, 3, 2, 0), (met.Received, met.Decided, met.Disseminated, met.Open));
        Assert.Equal((66.7, 66.7), (met.RateOfReceivedPercent, met.RateOfDecidedPercent));

        var essex = rows.Single(r => r.ForceCode == "essex");
        Assert.Equal((10, 100.0, 100.0), (essex.Received, essex.RateOfReceivedPercent, essex.RateOfDecidedPercent));

        var national = SupervisionStatistics.National(rows);
        Assert.Equal((20, 18, 16, 2), (national.Received, national.Decided, national.Disseminated, national.Open));
        Assert.Equal((80.0, 88.9), (national.RateOfReceivedPercent, national.RateOfDecidedPercent));
    }

    [Fact]
    public async Task A_reroute_keeps_the_first_forces_decision_and_counts_in_at_the_new_force_and_out_at_the_first()
    {
        await app.SeedAsync();
        var rows = await Stats.ForceRatesAsync(Quarter, Ct);
        var kent = rows.Single(r => r.ForceCode == "kent");
        var sussex = rows.Single(r => r.ForceCode == "sussex");
        Assert.Equal((0, 1), (kent.ReroutedIn, kent.ReroutedOut));
        Assert.Equal((1, 0), (sussex.ReroutedIn, sussex.ReroutedOut));
        Assert.Equal((0, 0, 0), (sussex.Received, sussex.Disseminated, sussex.Decided));   // the decision stayed Kent's
        Assert.Null(sussex.RateOfReceivedPercent);
        var national = SupervisionStatistics.National(rows);
        Assert.Equal(national.ReroutedIn, national.ReroutedOut);

        // February's grid cell for Kent still shows the dissemination; Sussex has no row (it received nothing).
        var grid = await Stats.GridAsync(Quarter, Ct);
        Assert.Equal((2, 1, 1), (grid.Cell("kent", "2026-02").Received, grid.Cell("kent", "2026-02").Disseminated, grid.Cell("kent", "2026-02").FirstSent));
        Assert.DoesNotContain("sussex", grid.Forces);

        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var contact = await db.Contacts.SingleAsync(c => c.Reference == app.ReroutedReference, Ct);
        Assert.Equal(("sussex", "kent", Analyst), (contact.ForceCode, contact.DecidedForceCode, contact.DecidedBy));
        var decisions = await db.AnalystDayFigures.Where(f => f.Day == new DateOnly(2026, 2, 3)).Select(f => new { f.Analyst, f.Decisions }).ToListAsync(Ct);
        Assert.Equal(Analyst, Assert.Single(decisions).Analyst);                            // not handed to the supervisor who re-routed
        var sussexDay = await db.ForceDayFigures.SingleAsync(f => f.ForceCode == "sussex" && f.Day == new DateOnly(2026, 2, 3), Ct);
        Assert.Equal((0, 1), (sussexDay.Received, sussexDay.ReroutedIn));
    }

    [Fact]
    public async Task The_grid_has_whole_UK_months_even_when_the_period_starts_and_ends_inside_them()
    {
        await app.SeedAsync();
        var period = new StatsFilter(new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 10));
        var figures = await Stats.PeriodAsync(period, Ct);

        // The table counts the period's days: Kent's 20, 25, 28, 30 January and 3 February.
        Assert.Equal(5, figures.Forces.Single(r => r.ForceCode == "kent").Received);
        // The grid and the months count whole months, as a search of each month would.
        Assert.Equal(["2026-01", "2026-02"], figures.Grid.Months);
        var january = figures.Grid.Cell("kent", "2026-01");
        Assert.Equal((5, 4, 3, 1), (january.Received, january.Decided, january.Disseminated, january.Open));
        Assert.Equal((60.0, 75.0), (january.RateOfReceivedPercent, january.RateOfDecidedPercent));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), (january.FirstDay, january.LastDay));
        var february = figures.Grid.Cell("kent", "2026-02");
        Assert.Equal((2, 1, 1, 1, 50.0, 100.0), (february.Received, february.Decided, february.Disseminated, february.Open,
            february.RateOfReceivedPercent, february.RateOfDecidedPercent));
        Assert.Equal(["essex", "kent"], figures.Grid.Forces);
        Assert.Equal(0, figures.Grid.Cell("essex", "2026-01").Received);
        Assert.Null(figures.Grid.Cell("essex", "2026-01").RateOfReceivedPercent);
        Assert.Equal([5 + 0, 2 + 10], figures.Months.Select(m => m.Received));

        // The quarter: 1 April in the UK is outside, so March has Met's three only.
        var quarter = await Stats.PeriodAsync(Quarter, Ct);
        Assert.Equal(["2026-01", "2026-02", "2026-03"], quarter.Grid.Months);
        Assert.Equal([5, 12, 3], quarter.Months.Select(m => m.Received));
        Assert.Equal([60.0, 91.7, 66.7], quarter.Months.Select(m => m.RateOfReceivedPercent));
        Assert.Equal([75.0, 100.0, 66.7], quarter.Months.Select(m => m.RateOfDecidedPercent));
        Assert.Equal(0, quarter.Grid.Cell("kent", "2026-03").Received);
    }

    [Fact]
    public async Task Timeliness_is_the_median_and_90th_percentile_of_first_sends_per_force_and_month()
    {
        await app.SeedAsync();
        var quarter = await Stats.PeriodAsync(Quarter, Ct);
        var grid = quarter.Grid;
        // Kent, January: 2, 6, 30 h. Nearest rank: the median is the 2nd, the 90th percentile the 3rd.
        Assert.Equal((3, 6.0, 30.0), Timeliness(grid.Cell("kent", "2026-01")));
        // Kent, February: one send (the re-route is not a first send).
        Assert.Equal((1, 1.0, 1.0), Timeliness(grid.Cell("kent", "2026-02")));
        // Essex, February: 1 … 10 h: the 5th and the 9th.
        Assert.Equal((10, 5.0, 9.0), Timeliness(grid.Cell("essex", "2026-02")));
        // Met, March: one sent, one still queued.
        Assert.Equal((1, 4.0, 4.0), Timeliness(grid.Cell("met", "2026-03")));
        Assert.Equal((0, null, null), Timeliness(grid.Cell("essex", "2026-01")));

        // Over the quarter, Kent's first sends are 1, 2, 6, 30 h: the 2nd and the 4th.
        var kent = quarter.Forces.Single(r => r.ForceCode == "kent");
        Assert.Equal((2.0, 30.0), (kent.MedianHoursToSent, kent.P90HoursToSent));
        var essex = quarter.Forces.Single(r => r.ForceCode == "essex");
        Assert.Equal((5.0, 9.0), (essex.MedianHoursToSent, essex.P90HoursToSent));
    }

    private static (int, double?, double?) Timeliness(ForceMonthFigures c) => (c.FirstSent, c.MedianHoursToSent, c.P90HoursToSent);

    [Fact]
    public async Task Every_CSV_holds_the_figures_of_its_table()
    {
        await app.SeedAsync();
        var quarter = await Stats.PeriodAsync(Quarter, Ct);

        var grid = Parse(CsvExport.Grid(quarter.Grid));
        Assert.Equal(3 * 3, grid.Count); // Essex, Kent and the Met, three months each
        var kentJanuary = grid.Single(r => r["ForceCode"] == "kent" && r["Month"] == "2026-01");
        Assert.Equal(("Kent Police", "5", "4", "3", "1", "60", "75"), (kentJanuary["Force"], kentJanuary["Received"], kentJanuary["Decided"],
            kentJanuary["Disseminated"], kentJanuary["Open"], kentJanuary["DisseminatedOfReceivedPercent"], kentJanuary["DisseminatedOfDecidedPercent"]));
        Assert.Equal(("0", ""), (grid.Single(r => r["ForceCode"] == "essex" && r["Month"] == "2026-01")["Received"],
            grid.Single(r => r["ForceCode"] == "essex" && r["Month"] == "2026-01")["DisseminatedOfReceivedPercent"]));

        var timeliness = Parse(CsvExport.Timeliness(quarter.Grid));
        var essexFebruary = timeliness.Single(r => r["ForceCode"] == "essex" && r["Month"] == "2026-02");
        Assert.Equal(("10", "5", "9"), (essexFebruary["FirstSent"], essexFebruary["MedianHoursToSent"], essexFebruary["P90HoursToSent"]));

        var monthly = Parse(CsvExport.Monthly(quarter.Months));
        Assert.Equal(["5", "12", "3"], monthly.Select(m => m["Received"]));
        Assert.Equal(["4", "11", "3"], monthly.Select(m => m["Decided"]));

        var forces = Parse(CsvExport.ForceRates(quarter.Forces));
        var national = forces[^1];
        Assert.Equal(("National total", "20", "18", "16", "2", "80", "88.9", "1", "1"), (national["Force"], national["Received"], national["Decided"],
            national["Disseminated"], national["Open"], national["DisseminatedOfReceivedPercent"], national["DisseminatedOfDecidedPercent"],
            national["ReroutedIn"], national["ReroutedOut"]));
        var kent = forces.Single(r => r["ForceCode"] == "kent");
        Assert.Equal(("57.1", "80", "2", "30", "0", "1"), (kent["DisseminatedOfReceivedPercent"], kent["DisseminatedOfDecidedPercent"],
            kent["MedianHoursToSent"], kent["P90HoursToSent"], kent["ReroutedIn"], kent["ReroutedOut"]));

        var reasons = Parse(CsvExport.Reasons(quarter.Forces));
        Assert.Contains(reasons, r => r["ForceCode"] == "kent" && r["Reason"] == "Duplicate" && r["Count"] == "1");
        Assert.Contains(reasons, r => r["ForceCode"] == "met" && r["Reason"] == "PersonalComplaint" && r["Count"] == "1" && r["Description"] == "Personal complaint or appeal (signposted)");
        Assert.Contains(reasons, r => r["ForceCode"] == "national" && r["Reason"] == "Duplicate" && r["Count"] == "1");

        var workload = Parse(CsvExport.Workload(await Stats.WorkloadOfPeriodAsync(Quarter, Ct)));
        // Every decision of the quarter, by UK day: 18 contacts (the one received on 1 April in the UK is April's).
        Assert.Equal(18, workload.Sum(r => int.Parse(r["Decisions"]!)));
        Assert.All(workload, r => Assert.Equal(Analyst, r["Analyst"]));
        Assert.Contains(workload, r => r["Day"] == "2026-01-28" && r["Decisions"] == "1");
    }

    [Fact]
    public async Task Each_CSV_downloads_as_text_csv_with_its_header_and_is_audited_and_the_audit_extract_escapes_formulas()
    {
        await app.SeedAsync();
        using var supervisor = await app.SignInAsync(Supervisor);
        var headers = new Dictionary<string, string>
        {
            ["forces"] = "Force,ForceCode,Received,Decided,Disseminated,NotDisseminated,Open,DisseminatedOfReceivedPercent,DisseminatedOfDecidedPercent",
            ["monthly"] = "Month,Received,Decided,Disseminated,NotDisseminated,Open,DisseminatedOfReceivedPercent,DisseminatedOfDecidedPercent",
            ["grid"] = "Force,ForceCode,Month,Received,Decided,Disseminated,NotDisseminated,Open,DisseminatedOfReceivedPercent",
            ["timeliness"] = "Force,ForceCode,Month,FirstSent,MedianHoursToSent,P90HoursToSent",
            ["workload"] = "Day,Analyst,Decisions",
            ["reasons"] = "Force,ForceCode,Reason,Description,Count",
            ["audit"] = "Sequence,AtUtc,AtUk,Actor,Action,Reference,Detail,Hash",
        };
        foreach (var (what, header) in headers)
        {
            var response = await supervisor.GetAsync($"/supervision/export/{what}.csv?from=2026-01-01&to=2026-03-31&force=", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"nacars-{what}-20260101-20260331.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
            Assert.StartsWith(header, await response.Content.ReadAsStringAsync(Ct));
        }

        // The audit extract reads the encrypted details through EF: each typed detail comes back, escaped where a
        // spreadsheet would have run it.
        var audit = Parse(await supervisor.GetStringAsync("/supervision/export/audit.csv?from=2026-03-15&to=2026-03-15", Ct));
        Assert.Equal(FormulaDetails.Select(d => d == "plain words" ? d : "'" + d), audit.Select(r => r["Detail"]));
        Assert.All(audit, r => Assert.Equal("2026-03-15 12:00:00", r["AtUk"]));

        // Each download is audited as an export, with what and which period.
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var exports = await db.AuditEvents.Where(e => e.Action == AuditActions.ExportDownloaded && e.Actor == Supervisor).Select(e => e.Detail).ToListAsync(Ct);
        foreach (var what in headers.Keys) Assert.Contains($"{what} 2026-01-01..2026-03-31", exports);
        Assert.Contains("audit 2026-03-15..2026-03-15", exports);

        // Only supervisors download; a period that ends before it starts is refused.
        using var analyst = await app.SignInAsync("analyst@demo.nacars.test");
        Assert.NotEqual(HttpStatusCode.OK, (await analyst.GetAsync("/supervision/export/audit.csv?from=2026-01-01&to=2026-03-31", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/supervision/export/grid.csv?from=2026-03-31&to=2026-01-01", Ct)).StatusCode);
    }

    internal static List<IDictionary<string, string?>> Parse(string csv)
    {
        using var reader = CsvReader.FromText(csv);
        var rows = new List<IDictionary<string, string?>>();
        foreach (var row in reader) rows.Add(row.ToDictionary());
        return rows;
    }
}

public sealed class PostgresKnownData : KnownFiguresTests.KnownData
{
    public PostgresKnownData() => UsePostgres();
}

/// <summary>The same figures on PostgreSQL, where the ranked reads go as batches of subqueries.</summary>
public class KnownFiguresTestsOnPostgres(PostgresKnownData app) : KnownFiguresTests(app), IClassFixture<PostgresKnownData>;
