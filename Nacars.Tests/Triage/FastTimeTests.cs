using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Forces;
using Nacars.Core.Intake;
using Nacars.Core.Triage;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Tests.Triage;

/// <summary>The bank-holiday data file: every nation's holidays for each year it covers, on weekdays, with GOV.UK's dates.</summary>
public class BankHolidayDataTests
{
    private static readonly IReadOnlyList<BankHoliday> Days = BankHoliday.FromDataFile();

    [Theory]
    [InlineData(Nation.EnglandAndWales, 8)]
    [InlineData(Nation.Scotland, 9)]
    [InlineData(Nation.NorthernIreland, 10)]
    public void Each_nation_has_its_holidays_every_year_through_2028_and_all_fall_on_weekdays(Nation nation, int perYear)
    {
        foreach (var year in Enumerable.Range(2025, 4))
            Assert.Equal(perYear, Days.Count(d => d.Nation == nation && d.Date.Year == year));
        Assert.All(Days, d => Assert.True(d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d.Date} {d.Name}"));
        Assert.Equal(Days.Count, Days.Select(d => (d.Nation, d.Date)).Distinct().Count());
    }

    [Theory]
    [InlineData(Nation.EnglandAndWales, "2026-04-06", "Easter Monday")]
    [InlineData(Nation.EnglandAndWales, "2026-08-31", "Summer bank holiday")]
    [InlineData(Nation.EnglandAndWales, "2026-12-28", "Boxing Day (substitute day)")]
    [InlineData(Nation.Scotland, "2026-08-03", "Summer bank holiday")]
    [InlineData(Nation.Scotland, "2026-11-30", "St Andrew's Day")]
    [InlineData(Nation.Scotland, "2027-01-04", "2nd January (substitute day)")]
    [InlineData(Nation.NorthernIreland, "2026-03-17", "St Patrick's Day")]
    [InlineData(Nation.NorthernIreland, "2026-07-13", "Battle of the Boyne (Orangemen's Day) (substitute day)")]
    [InlineData(Nation.EnglandAndWales, "2027-03-26", "Good Friday")]
    [InlineData(Nation.EnglandAndWales, "2028-04-17", "Easter Monday")]
    public void Known_dates_are_as_GOV_UK_publishes_them(Nation nation, string date, string name) =>
        Assert.Equal(name, Assert.Single(Days, d => d.Nation == nation && d.Date == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Name);

    [Fact]
    public void Scotland_has_no_Easter_Monday_and_each_force_follows_its_nation()
    {
        Assert.DoesNotContain(Days, d => d.Nation == Nation.Scotland && d.Name == "Easter Monday");
        Assert.Equal(Nation.Scotland, BankHoliday.NationOf("scotland"));
        Assert.Equal(Nation.NorthernIreland, BankHoliday.NationOf("psni"));
        Assert.Equal(Nation.EnglandAndWales, BankHoliday.NationOf("dyfed-powys"));
        Assert.Equal(Nation.EnglandAndWales, BankHoliday.NationOf("kent"));
    }
}

/// <summary>Fast time on a bank holiday and a call logged after it was made, on the real database and the app's clock
/// (Monday 30 November 2026, 10:00 UK: St Andrew's Day, a bank holiday in Scotland only).</summary>
public class FastTimeTests(FastTimeTests.OnStAndrewsDay app) : IClassFixture<FastTimeTests.OnStAndrewsDay>
{
    public sealed class OnStAndrewsDay : WorkbenchFactory
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
        }
    }

    private const string Analyst = "analyst@demo.nacars.test";
    private const string Admin = "admin@demo.nacars.test";
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private TriageService Triage => app.Services.GetRequiredService<TriageService>();
    private BankHolidayCalendar Calendar => app.Services.GetRequiredService<BankHolidayCalendar>();

    [Fact]
    public async Task A_force_rings_its_out_of_hours_contact_on_its_nations_bank_holiday_and_an_admin_can_correct_the_list()
    {
        var scotland = (await Triage.FastTimeContactAsync("scotland", Ct))!.Value.Contact;
        Assert.False(scotland.InHours);
        Assert.True(scotland.BankHoliday);
        var kent = (await Triage.FastTimeContactAsync("kent", Ct))!.Value.Contact;
        Assert.True(kent.InHours); // an ordinary Monday in England

        // Removed by an admin: Scotland is in hours again, audited, and the next start does not bring it back.
        await Calendar.RemoveAsync(Nation.Scotland, new DateOnly(2026, 11, 30), Admin, Ct);
        await using (var db = await app.Db.CreateDbContextAsync(Ct))
            Assert.Equal(0, await BankHolidayCalendar.SeedAsync(db, Ct));
        Assert.True((await Triage.FastTimeContactAsync("scotland", Ct))!.Value.Contact.InHours);

        // A one-off holiday (a state occasion, say) for England and Wales.
        await Calendar.AddAsync(Nation.EnglandAndWales, new DateOnly(2026, 11, 30), "Special bank holiday", Admin, Ct);
        Assert.False((await Triage.FastTimeContactAsync("kent", Ct))!.Value.Contact.InHours);
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => Calendar.AddAsync(Nation.EnglandAndWales, new DateOnly(2026, 11, 30), "Again", Admin, Ct));
        Assert.Contains("already a bank holiday", error.Message);
        Assert.Contains("Saturday", (await Assert.ThrowsAsync<DomainRuleException>(() => Calendar.AddAsync(Nation.Scotland, new DateOnly(2026, 12, 5), "A Saturday", Admin, Ct))).Message);

        var listed = await Calendar.ListAsync(2026, Ct);
        Assert.True(Assert.Single(listed, h => h.Nation == Nation.Scotland && h.Date == new DateOnly(2026, 11, 30)).Removed);
        await using (var db = await app.Db.CreateDbContextAsync(Ct))
        {
            var changes = (await db.AuditEvents.Where(a => a.Action == AuditActions.BankHolidayChanged).ToListAsync(Ct)).Select(a => a.Detail).ToList();
            Assert.Contains("removed Scotland 2026-11-30 St Andrew's Day", changes);
            Assert.Contains("added England and Wales 2026-11-30 Special bank holiday", changes);
        }

        // Put back as it was, for the other tests in this class.
        await Calendar.RemoveAsync(Nation.EnglandAndWales, new DateOnly(2026, 11, 30), Admin, Ct);
        await Calendar.AddAsync(Nation.Scotland, new DateOnly(2026, 11, 30), "St Andrew's Day", Admin, Ct);
    }

    [Fact]
    public async Task A_call_can_be_logged_with_the_time_it_was_made_but_never_later_than_now_or_before_the_contact()
    {
        var intake = app.Services.GetRequiredService<IntakeService>();
        var received = await intake.SubmitOnlineAsync(new ReportSubmission { Account = "An officer at Perth is about to destroy evidence tonight.", ForceCode = "scotland" }, Ct);
        await Triage.ClaimAsync(received.Reference, Analyst, Ct);
        await Triage.FlagUrgentAsync(received.Reference, Analyst, true, Ct);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var later = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Triage.LogFastTimeCallAsync(received.Reference, Analyst, "0300 000 0000", "Insp. Rowe", "Unit sent", now.AddMinutes(10), Ct));
        Assert.Contains("later than now", later.Message);
        var before = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Triage.LogFastTimeCallAsync(received.Reference, Analyst, "0300 000 0000", "Insp. Rowe", "Unit sent", now.AddHours(-2), Ct));
        Assert.Contains("before the contact arrived", before.Message);
        Assert.Null((await Triage.ReloadAsync(received.Reference, Ct))!.FastTimeCall); // nothing half-saved

        var calledAt = now.AddMinutes(-20);
        await Triage.LogFastTimeCallAsync(received.Reference, Analyst, "0300 000 0000", "Insp. Rowe", "Unit sent", calledAt, Ct);
        Assert.Equal(calledAt, (await Triage.ReloadAsync(received.Reference, Ct))!.FastTimeCall!.CalledAtUtc);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var audit = (await db.AuditEvents.Where(a => a.Action == AuditActions.FastTimeCallLogged && a.ContactReference == received.Reference).ToListAsync(Ct)).Single();
        Assert.Equal($"called 0300 000 0000 at {UkTime.Format(calledAt)} UK (entered at {UkTime.Format(now)}); spoke to Insp. Rowe", audit.Detail);
    }
}

/// <summary>The panel passes the time the analyst typed (UK local) as UTC, says why it is out of hours on a bank
/// holiday, and explains a time it cannot read.</summary>
public class FastTimeCallComponentTests(WorkbenchFactory app) : WorkbenchComponentTest(app)
{
    private IRenderedComponent<FastTimePanel> RenderPanel(Action<FastTimePanel.FastTimeCallEntry> logged, FastTimeContact contact)
    {
        RenderProviders();
        var force = new Force("scotland", "Police Scotland", "a@example.org", "ACU desk", "control room");
        return Render<FastTimePanel>(p => p
            .Add(x => x.Contact, ContactWorkflowTests.ReadyToSend(urgent: true))
            .Add(x => x.Disabled, false)
            .Add(x => x.FastTime, (force, contact))
            .Add(x => x.OnUrgentChanged, _ => { })
            .Add(x => x.OnCallLogged, logged));
    }

    [Fact]
    public void A_typed_summer_time_is_sent_as_utc_and_a_bank_holiday_is_named()
    {
        FastTimePanel.FastTimeCallEntry? entry = null;
        var cut = RenderPanel(e => entry = e, new FastTimeContact(false, "control room", BankHoliday: true));
        Assert.Contains("a bank holiday in Scotland", cut.Find("[data-testid='fasttime-panel']").TextContent);

        cut.Find("[data-testid='fasttime-person']").Change("Insp. Rowe");
        cut.Find("[data-testid='fasttime-outcome']").Change("Unit sent");
        cut.Find("[data-testid='fasttime-called-at']").Change("2026-07-14T14:05");
        cut.Find("[data-testid='fasttime-log']").Submit();

        Assert.NotNull(entry);
        Assert.Equal(new DateTime(2026, 7, 14, 13, 5, 0, DateTimeKind.Utc), entry.CalledAtUtc); // 14:05 BST
        Assert.Equal(("control room", "Insp. Rowe", "Unit sent"), (entry.Number, entry.Person, entry.Outcome));
    }

    [Fact]
    public void No_time_means_now_and_an_unreadable_one_is_explained_and_not_sent()
    {
        var entries = new List<FastTimePanel.FastTimeCallEntry>();
        var cut = RenderPanel(entries.Add, new FastTimeContact(true, "ACU desk"));
        cut.Find("[data-testid='fasttime-person']").Change("Sgt Bell");
        cut.Find("[data-testid='fasttime-outcome']").Change("Noted");
        cut.Find("[data-testid='fasttime-called-at']").Change("yesterday");
        cut.Find("[data-testid='fasttime-log']").Submit();
        Assert.Empty(entries);
        Assert.Contains("Enter the date and time of the call", cut.Markup);

        cut.Find("[data-testid='fasttime-called-at']").Change("");
        cut.Find("[data-testid='fasttime-log']").Submit();
        Assert.Null(Assert.Single(entries).CalledAtUtc);
    }
}
