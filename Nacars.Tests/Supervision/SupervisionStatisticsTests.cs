using Nacars.Core.Dissemination;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Supervision;

namespace Nacars.Tests.Supervision;

/// <summary>The supervisors' figures on a constructed data set whose answers are known, on the real database.</summary>
public class SupervisionStatisticsTests(SupervisionStatisticsTests.NoDemoData app) : IClassFixture<SupervisionStatisticsTests.NoDemoData>
{
    public class NoDemoData : WorkbenchFactory
    {
        public NoDemoData() => Settings["Nacars:Demo:Enabled"] = "false";

        private readonly SemaphoreSlim _seeded = new(1, 1);
        private bool _done;

        /// <summary>
        /// Kent: 5 received Jan–Mar 2026 — 3 disseminated (sent after 2 h, 4 h and 10 h), 1 duplicate, 1 personal complaint.
        /// Met: 2 received, both not disseminated. Wiltshire: none. Boundaries: 31 Jan 23:30 GMT is January;
        /// 31 Mar 22:30 UTC is 23:30 BST, still March; 31 Mar 23:30 UTC is 1 April in the UK, outside the period.
        /// </summary>
        public async Task SeedAsync()
        {
            await _seeded.WaitAsync();
            try
            {
                if (_done) return;
                await using var db = await Db.CreateDbContextAsync();
                void Add(string force, string utc, Action<Contact>? decide, double? hoursToSend = null)
                {
                    var received = DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
                    var c = Contact.Receive(Reference.NewReference(), Channel.Online, received, new ReportedFacts
                    {
                        Account = "Constructed account for statistics.",
                        Categories = ["other"],
                        ForceCode = force,
                    }, null);
                    decide?.Invoke(c);
                    db.Contacts.Add(c);
                    if (hoursToSend is { } h)
                    {
                        var d = new DisseminationRecord(Guid.NewGuid(), c.Id, c.Reference, force, $"{force}@example.org", received, "analyst", null, received);
                        d.Delivered(received.AddHours(h));
                        db.Disseminations.Add(d);
                    }
                }
                const string a = "analyst@example.org";
                Action<Contact> Send(DateTime at) => c =>
                {
                    c.Claim(a, at);
                    foreach (var check in Enum.GetValues<ThresholdCheck>()) c.Tick(check, true, a, at);
                    c.WriteSanitisedAccount("Sanitised.", a);
                    c.Grade(new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), a);
                    c.Disseminate(a, at, Nacars.Core.Assistance.ReporterFlagCheck.Unresolved(c).Count);
                };
                Action<Contact> Not(NotDisseminatedReason reason) => c => { c.Claim(a, c.ReceivedAtUtc); c.DecideNotToDisseminate(reason, "note", a, c.ReceivedAtUtc.AddHours(1)); };

                Add("kent", "2026-01-10T10:00:00Z", Send(new(2026, 1, 10, 11, 0, 0, DateTimeKind.Utc)), hoursToSend: 2);
                Add("kent", "2026-01-31T23:30:00Z", Send(new(2026, 2, 1, 1, 0, 0, DateTimeKind.Utc)), hoursToSend: 4);
                Add("kent", "2026-03-31T22:30:00Z", Send(new(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc)), hoursToSend: 10);
                Add("kent", "2026-02-15T12:00:00Z", Not(NotDisseminatedReason.Duplicate));
                Add("kent", "2026-02-28T23:30:00Z", Not(NotDisseminatedReason.PersonalComplaint));
                Add("kent", "2026-03-31T23:30:00Z", Not(NotDisseminatedReason.Duplicate)); // 1 April UK: outside
                Add("met", "2026-01-05T09:00:00Z", Not(NotDisseminatedReason.InsufficientDetail));
                Add("met", "2026-03-01T09:00:00Z", Not(NotDisseminatedReason.MaliciousOrTest));
                await db.SaveChangesAsync();
                _done = true;
            }
            finally
            {
                _seeded.Release();
            }
        }
    }

    private static readonly StatsFilter FirstQuarter = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
    private SupervisionStatistics Stats => app.Services.GetRequiredService<SupervisionStatistics>();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Per_force_counts_rates_timeliness_and_reasons_match_the_constructed_data()
    {
        await app.SeedAsync();
        var rows = await Stats.ForceRatesAsync(FirstQuarter, Ct);
        Assert.Equal(49, rows.Count);

        var kent = rows.Single(r => r.ForceCode == "kent");
        Assert.Equal(5, kent.Received);
        Assert.Equal(3, kent.Disseminated);
        Assert.Equal(2, kent.NotDisseminated);
        Assert.Equal(60.0, kent.RateOfReceivedPercent);
        Assert.Equal(60.0, kent.RateOfDecidedPercent); // nothing open
        Assert.Equal(4.0, kent.MedianHoursToSent);   // nearest rank of 2, 4, 10
        Assert.Equal(10.0, kent.P90HoursToSent);
        Assert.Equal(1, kent.ReasonsNotDisseminated[NotDisseminatedReason.Duplicate]);
        Assert.Equal(1, kent.ReasonsNotDisseminated[NotDisseminatedReason.PersonalComplaint]);

        var met = rows.Single(r => r.ForceCode == "met");
        Assert.Equal(2, met.Received);
        Assert.Equal(0.0, met.RateOfReceivedPercent);
        Assert.Null(met.MedianHoursToSent);
        Assert.Equal(2, met.ReasonsNotDisseminated.Values.Sum());

        var wiltshire = rows.Single(r => r.ForceCode == "wiltshire");
        Assert.Equal(0, wiltshire.Received);
        Assert.Null(wiltshire.RateOfReceivedPercent);
        Assert.Null(wiltshire.RateOfDecidedPercent);

        var national = SupervisionStatistics.National(rows);
        Assert.Equal(7, national.Received);
        Assert.Equal(3, national.Disseminated);
        Assert.Equal(42.9, national.RateOfReceivedPercent);
    }

    [Fact]
    public async Task Months_are_UK_calendar_months_across_GMT_and_BST()
    {
        await app.SeedAsync();
        var months = await Stats.MonthlyAsync(FirstQuarter, Ct);
        Assert.Equal(["2026-01", "2026-02", "2026-03"], months.Select(m => m.Month));
        Assert.Equal([3, 2, 2], months.Select(m => m.Received));      // Jan: 10th, 31st 23:30 GMT, met 5th
        Assert.Equal([2, 0, 1], months.Select(m => m.Disseminated));
    }

    [Fact]
    public async Task Workload_counts_decisions_per_analyst_per_UK_day_over_the_last_31_days_of_the_period()
    {
        await app.SeedAsync();
        // The quarter's last 31 days are March: two decisions on 1 March (00:30 GMT and 10:00), none from January or
        // February; 1 April 00:30 UTC is already April in the UK.
        var quarter = await Stats.WorkloadAsync(FirstQuarter, Ct);
        var march = Assert.Single(quarter);
        Assert.Equal(("analyst@example.org", new DateOnly(2026, 3, 1), 2), (march.Analyst, march.Day, march.Decisions));

        // In April both decisions (00:30 and 08:00 UTC, i.e. 01:30 and 09:00 BST) fall on 1 April.
        var april = Assert.Single(await Stats.WorkloadAsync(new StatsFilter(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30)), Ct));
        Assert.Equal((new DateOnly(2026, 4, 1), 2), (april.Day, april.Decisions));
    }

    [Fact]
    public async Task A_single_force_filter_returns_that_force_only()
    {
        await app.SeedAsync();
        var rows = await Stats.ForceRatesAsync(FirstQuarter with { ForceCode = "met" }, Ct);
        Assert.Equal("met", Assert.Single(rows).ForceCode);
        Assert.Equal(2, (await Stats.MonthlyAsync(FirstQuarter with { ForceCode = "met" }, Ct)).Sum(m => m.Received));
    }

    [Fact]
    public async Task The_CSV_export_parses_back_to_the_same_table()
    {
        await app.SeedAsync();
        var rows = await Stats.ForceRatesAsync(FirstQuarter, Ct);
        var csv = CsvExport.ForceRates(rows);

        using var reader = CsvReader.FromText(csv);
        var parsed = new List<IDictionary<string, string?>>();
        foreach (var row in reader) parsed.Add(row.ToDictionary());

        Assert.Equal(rows.Count + 1, parsed.Count); // and the national total
        foreach (var (row, line) in rows.Append(SupervisionStatistics.National(rows)).Zip(parsed))
        {
            Assert.Equal(row.ForceName, line["Force"]);
            Assert.Equal(row.Received.ToString(), line["Received"]);
            Assert.Equal(row.Disseminated.ToString(), line["Disseminated"]);
            Assert.Equal(row.RateOfReceivedPercent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", line["DisseminatedOfReceivedPercent"] ?? "");
            Assert.Equal(row.RateOfDecidedPercent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", line["DisseminatedOfDecidedPercent"] ?? "");
            Assert.Equal(row.MedianHoursToSent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", line["MedianHoursToSent"] ?? "");
        }
        var kent = parsed.Single(l => l["ForceCode"] == "kent");
        Assert.Equal("PersonalComplaint=1; Duplicate=1", kent["ReasonsNotDisseminated"]); // in the order of the reasons list

        var monthly = CsvExport.Monthly(await Stats.MonthlyAsync(FirstQuarter, Ct));
        using var monthReader = CsvReader.FromText(monthly);
        var months = new List<IDictionary<string, string?>>();
        foreach (var row in monthReader) months.Add(row.ToDictionary());
        Assert.Equal(["2026-01", "2026-02", "2026-03"], months.Select(m => m["Month"]));
    }
}
