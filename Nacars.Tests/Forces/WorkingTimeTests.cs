using System.Globalization;
using Nacars.Core.Contacts;
using Nacars.Core.Forces;

namespace Nacars.Tests.Forces;

/// <summary>Deadlines are counted in a force's office time, in UK local hours: every expected instant below is worked out
/// by hand and written in UTC, with the UK local time beside it (GMT = UTC; BST = UTC+1 from 29 March to 25 October 2026).</summary>
public class WorkingTimeTests
{
    private static readonly TimeOnly Eight = new(8, 0);
    private static readonly TimeOnly Six = new(18, 0);
    private static readonly HashSet<DateOnly> NoHolidays = [];

    /// <summary>England and Wales, 2026 and 2027, as GOV.UK publishes them.</summary>
    private static readonly HashSet<DateOnly> EnglandAndWales =
    [
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31),
        new(2026, 12, 25), new(2026, 12, 28),
        new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30),
        new(2027, 12, 27), new(2027, 12, 28),
    ];

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static WorkingTime EightToSix(IReadOnlySet<DateOnly>? holidays = null) => new(Eight, Six, holidays ?? NoHolidays);

    [Fact]
    public void Time_within_one_day_is_plain_office_time()
    {
        var hours = EightToSix();
        var start = Utc("2026-01-14T09:15:00Z"); // Wednesday 09:15 GMT
        var end = hours.Add(start, TimeSpan.FromHours(3));
        Assert.Equal(Utc("2026-01-14T12:15:00Z"), end);
        Assert.Equal(DateTimeKind.Utc, end.Kind);
        Assert.Equal(TimeSpan.FromHours(3), hours.Between(start, end));
        Assert.Equal(TimeSpan.FromHours(10), hours.Day);
    }

    [Theory]
    [InlineData("2026-01-16T17:00:00Z", "2026-01-20T17:00:00Z")] // GMT: Fri 17:00 -> Tue 17:00
    [InlineData("2026-06-12T16:00:00Z", "2026-06-16T16:00:00Z")] // BST: Fri 17:00 -> Tue 17:00
    public void A_Friday_17_00_send_plus_two_working_days_is_Tuesday_17_00_UK(string sent, string due)
    {
        var hours = EightToSix();
        // Friday 17:00-18:00 (1h) + Monday (10h) + Tuesday 08:00-17:00 (9h) = 20h = 2 working days.
        var end = hours.Add(Utc(sent), 2 * hours.Day);
        Assert.Equal(Utc(due), end);
        var uk = UkTime.FromUtc(end);
        Assert.Equal(DayOfWeek.Tuesday, uk.DayOfWeek);
        Assert.Equal(new TimeOnly(17, 0), TimeOnly.FromDateTime(uk));
    }

    [Fact]
    public void A_start_outside_office_hours_counts_from_the_next_opening()
    {
        var hours = EightToSix();
        // Saturday 17 January 2026 11:00 GMT: Monday 19 January opens at 08:00 GMT.
        Assert.Equal(Utc("2026-01-19T09:00:00Z"), hours.Add(Utc("2026-01-17T11:00:00Z"), TimeSpan.FromHours(1)));
        Assert.Equal(Utc("2026-01-19T08:00:00Z"), hours.Add(Utc("2026-01-17T11:00:00Z"), TimeSpan.Zero));
        Assert.Equal(Utc("2026-01-19T08:00:00Z"), hours.Add(Utc("2026-01-18T23:59:00Z"), TimeSpan.Zero)); // Sunday night
        Assert.Equal(Utc("2026-01-19T08:00:00Z"), hours.Add(Utc("2026-01-16T18:00:00Z"), TimeSpan.Zero)); // Friday at closing
        // Monday 07:00 GMT, before opening: half an hour of work is done at 08:30.
        Assert.Equal(Utc("2026-01-19T08:30:00Z"), hours.Add(Utc("2026-01-19T07:00:00Z"), TimeSpan.FromMinutes(30)));
        // Inside hours, zero working time leaves the start where it is.
        Assert.Equal(Utc("2026-01-19T13:37:00Z"), hours.Add(Utc("2026-01-19T13:37:00Z"), TimeSpan.Zero));
    }

    [Fact]
    public void Four_working_hours_from_16_00_Thursday_is_10_00_Friday()
    {
        var hours = EightToSix();
        // Thursday 15 January 2026 16:00-18:00 GMT (2h) + Friday 08:00-10:00 (2h).
        Assert.Equal(Utc("2026-01-16T10:00:00Z"), hours.Add(Utc("2026-01-15T16:00:00Z"), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void A_bank_holiday_Monday_is_skipped()
    {
        var summer = EightToSix(new HashSet<DateOnly> { new(2026, 8, 31) });
        Assert.False(summer.IsWorkingDay(new DateOnly(2026, 8, 31)));
        // Fri 28 August 17:00 BST: Fri 1h, Mon 31 (holiday) none, Tue 1 Sep 10h, Wed 2 Sep 08:00-17:00 BST 9h.
        Assert.Equal(Utc("2026-09-02T16:00:00Z"), summer.Add(Utc("2026-08-28T16:00:00Z"), 2 * summer.Day));
        // Without the holiday the same send is due on the Tuesday.
        Assert.Equal(Utc("2026-09-01T16:00:00Z"), EightToSix().Add(Utc("2026-08-28T16:00:00Z"), 2 * summer.Day));
        // Fri 16:00 BST + 4h: Fri 16:00-18:00 (2h), Tue 08:00-10:00 BST (2h).
        Assert.Equal(Utc("2026-09-01T09:00:00Z"), summer.Add(Utc("2026-08-28T15:00:00Z"), TimeSpan.FromHours(4)));
        // The holiday holds no office time at all.
        Assert.Equal(TimeSpan.Zero, summer.Between(Utc("2026-08-30T12:00:00Z"), Utc("2026-09-01T07:00:00Z")));
    }

    [Fact]
    public void Christmas_Day_and_the_Boxing_Day_substitute_are_skipped()
    {
        // 2026: Christmas Day is Friday 25 December; Boxing Day falls on the Saturday, so Monday 28 December is the substitute.
        var christmas = EightToSix(new HashSet<DateOnly> { new(2026, 12, 25), new(2026, 12, 28) });
        Assert.False(christmas.IsWorkingDay(new DateOnly(2026, 12, 25)));
        Assert.False(christmas.IsWorkingDay(new DateOnly(2026, 12, 28)));
        Assert.True(christmas.IsWorkingDay(new DateOnly(2026, 12, 29)));
        // Thu 24 Dec 17:00 GMT: Thu 1h, Tue 29 10h, Wed 30 08:00-17:00 9h.
        Assert.Equal(Utc("2026-12-30T17:00:00Z"), christmas.Add(Utc("2026-12-24T17:00:00Z"), 2 * christmas.Day));
        Assert.Equal(Utc("2026-12-29T08:00:00Z"), christmas.Add(Utc("2026-12-25T10:00:00Z"), TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromHours(1), christmas.Between(Utc("2026-12-24T17:00:00Z"), Utc("2026-12-29T08:00:00Z")));
    }

    [Theory]
    // Clocks go back on Sunday 25 October 2026: Friday is BST, Monday and Tuesday GMT.
    [InlineData("2026-10-23T16:00:00Z", 20 * 60, "2026-10-27T17:00:00Z")] // Fri 17:00 BST + 2 days -> Tue 17:00 GMT
    [InlineData("2026-10-23T15:00:00Z", 4 * 60, "2026-10-26T10:00:00Z")]  // Fri 16:00 BST + 4h -> Mon 10:00 GMT
    [InlineData("2026-10-24T12:00:00Z", 0, "2026-10-26T08:00:00Z")]       // Saturday -> Mon 08:00 GMT
    // Clocks go forward on Sunday 29 March 2026: Friday is GMT, Monday and Tuesday BST.
    [InlineData("2026-03-27T17:00:00Z", 20 * 60, "2026-03-31T16:00:00Z")] // Fri 17:00 GMT + 2 days -> Tue 17:00 BST
    [InlineData("2026-03-27T16:00:00Z", 4 * 60, "2026-03-30T09:00:00Z")]  // Fri 16:00 GMT + 4h -> Mon 10:00 BST
    [InlineData("2026-03-28T12:00:00Z", 0, "2026-03-30T07:00:00Z")]       // Saturday -> Mon 08:00 BST
    [InlineData("2026-03-30T06:30:00Z", 0, "2026-03-30T07:00:00Z")]       // Mon 07:30 BST, before opening
    [InlineData("2026-03-30T07:30:00Z", 0, "2026-03-30T07:30:00Z")]       // Mon 08:30 BST, open
    // In summer the UK date runs an hour ahead of the UTC one.
    [InlineData("2026-06-15T23:30:00Z", 0, "2026-06-16T07:00:00Z")]       // Tue 00:30 BST -> Tue 08:00 BST
    [InlineData("2026-06-12T23:30:00Z", 0, "2026-06-15T07:00:00Z")]       // Sat 00:30 BST -> Mon 08:00 BST
    [InlineData("2026-06-12T17:00:00Z", 60, "2026-06-15T08:00:00Z")]      // Fri 18:00 BST, closed -> Mon 09:00 BST
    public void Working_time_follows_UK_office_hours_across_the_clock_changes(string start, int minutes, string due)
    {
        var hours = EightToSix();
        var end = hours.Add(Utc(start), TimeSpan.FromMinutes(minutes));
        Assert.Equal(Utc(due), end);
        Assert.Equal(TimeSpan.FromMinutes(minutes), hours.Between(Utc(start), end));
    }

    [Fact]
    public void Between_counts_office_time_not_elapsed_time_across_the_October_change()
    {
        var hours = EightToSix();
        // Fri 23 Oct 17:00 BST to Tue 27 Oct 17:00 GMT is 97 hours elapsed but 20 office hours.
        Assert.Equal(TimeSpan.FromHours(20), hours.Between(Utc("2026-10-23T16:00:00Z"), Utc("2026-10-27T17:00:00Z")));
        // Mon 26 Oct 08:00-18:00 GMT is the whole Monday.
        Assert.Equal(TimeSpan.FromHours(10), hours.Between(Utc("2026-10-26T00:00:00Z"), Utc("2026-10-27T00:00:00Z")));
        // Mon 30 Mar 2026, BST: 08:00-18:00 local is 07:00-17:00 UTC; 00:00-07:30 UTC holds only 07:00-07:30 of it.
        Assert.Equal(TimeSpan.FromMinutes(30), hours.Between(Utc("2026-03-30T00:00:00Z"), Utc("2026-03-30T07:30:00Z")));
    }

    [Fact]
    public void Between_over_a_weekend_only_is_zero()
    {
        var hours = EightToSix();
        Assert.Equal(TimeSpan.Zero, hours.Between(Utc("2026-01-16T18:00:00Z"), Utc("2026-01-19T08:00:00Z"))); // Fri close -> Mon open, GMT
        Assert.Equal(TimeSpan.Zero, hours.Between(Utc("2026-06-12T17:00:00Z"), Utc("2026-06-15T07:00:00Z"))); // the same in BST
        Assert.Equal(TimeSpan.Zero, hours.Between(Utc("2026-01-17T09:00:00Z"), Utc("2026-01-18T17:00:00Z"))); // Sat -> Sun
        // Backwards or empty spans hold no time.
        Assert.Equal(TimeSpan.Zero, hours.Between(Utc("2026-01-20T12:00:00Z"), Utc("2026-01-19T12:00:00Z")));
        Assert.Equal(TimeSpan.Zero, hours.Between(Utc("2026-01-19T12:00:00Z"), Utc("2026-01-19T12:00:00Z")));
        // A minute either side of the weekend does count.
        Assert.Equal(TimeSpan.FromMinutes(2), hours.Between(Utc("2026-01-16T17:59:00Z"), Utc("2026-01-19T08:01:00Z")));
    }

    [Fact]
    public void Instants_read_back_from_the_database_without_a_kind_are_UTC()
    {
        var hours = EightToSix();
        var start = DateTime.SpecifyKind(new DateTime(2026, 6, 12, 16, 0, 0), DateTimeKind.Unspecified); // Fri 17:00 BST
        var end = hours.Add(start, 2 * hours.Day);
        Assert.Equal(new DateTime(2026, 6, 16, 16, 0, 0), end); // Tue 17:00 BST
        Assert.Equal(DateTimeKind.Utc, end.Kind);
        Assert.Equal(TimeSpan.FromHours(20), hours.Between(start, DateTime.SpecifyKind(end, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void Between_is_the_inverse_of_Add()
    {
        var random = new Random(7);
        var shapes = new[]
        {
            new WorkingTime(Eight, Six, EnglandAndWales),
            new WorkingTime(new TimeOnly(9, 30), new TimeOnly(16, 45), EnglandAndWales),
        };
        var origin = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 400; i++)
        {
            var hours = shapes[i % shapes.Length];
            // Any instant in 2026-2027 (both clock changes, every holiday), to the second.
            var start = origin.AddSeconds(random.NextInt64(0, 2L * 365 * 24 * 60 * 60));
            var working = TimeSpan.FromMinutes(random.Next(0, 6 * 10 * 60)); // up to six days of a ten-hour office
            var end = hours.Add(start, working);

            Assert.True(end >= start, $"{start:o} + {working}: {end:o} is before the start");
            Assert.Equal(DateTimeKind.Utc, end.Kind);
            Assert.Equal(working, hours.Between(start, end));
            if (working > TimeSpan.Zero)
                Assert.Equal(working - TimeSpan.FromTicks(1), hours.Between(start, end.AddTicks(-1))); // the earliest such instant

            // The result is on the office clock: a working day, between opening and closing in UK local time.
            var uk = UkTime.FromUtc(end);
            Assert.True(uk.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{start:o} + {working}: {uk} is a weekend");
            Assert.DoesNotContain(DateOnly.FromDateTime(uk), EnglandAndWales);
            var time = TimeOnly.FromDateTime(uk);
            var (opens, closes) = i % shapes.Length == 0 ? (Eight, Six) : (new TimeOnly(9, 30), new TimeOnly(16, 45));
            Assert.True(time >= opens && time <= closes, $"{start:o} + {working}: {uk} is outside office hours");

            // Office time adds up over a split span.
            var middle = start.AddSeconds(random.NextInt64(0, (long)(end - start).TotalSeconds + 1));
            Assert.Equal(working, hours.Between(start, middle) + hours.Between(middle, end));
        }
    }

    [Fact]
    public void Between_agrees_with_counting_office_minutes_one_by_one()
    {
        var random = new Random(7);
        var hours = EightToSix(EnglandAndWales);
        var origin = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 40; i++)
        {
            var from = origin.AddMinutes(random.Next(0, 365 * 24 * 60));
            var to = from.AddMinutes(random.Next(0, 4 * 24 * 60));
            var minutes = 0;
            for (var t = from; t < to; t = t.AddMinutes(1))
            {
                var uk = UkTime.FromUtc(t);
                var time = TimeOnly.FromDateTime(uk);
                if (uk.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !EnglandAndWales.Contains(DateOnly.FromDateTime(uk))
                    && time >= Eight && time < Six)
                    minutes++;
            }
            Assert.Equal(TimeSpan.FromMinutes(minutes), hours.Between(from, to));
        }
    }

    [Fact]
    public void The_first_working_day_of_a_month_skips_weekends_and_holidays()
    {
        // Friday 1 January 2027 is New Year's Day; the 2nd and 3rd are the weekend.
        Assert.Equal(new DateOnly(2027, 1, 4), EightToSix(new HashSet<DateOnly> { new(2027, 1, 1) }).FirstWorkingDay(2027, 1));
        // August 2026 starts on a Saturday; Scotland's summer bank holiday is Monday 3 August.
        Assert.Equal(new DateOnly(2026, 8, 3), EightToSix().FirstWorkingDay(2026, 8));
        Assert.Equal(new DateOnly(2026, 8, 4), EightToSix(new HashSet<DateOnly> { new(2026, 8, 3) }).FirstWorkingDay(2026, 8));
        // May 2027 starts on a Saturday and its first Monday is the early May bank holiday.
        Assert.Equal(new DateOnly(2027, 5, 4), EightToSix(EnglandAndWales).FirstWorkingDay(2027, 5));
        // June 2026 starts on a Monday.
        Assert.Equal(new DateOnly(2026, 6, 1), EightToSix(EnglandAndWales).FirstWorkingDay(2026, 6));
    }

    [Fact]
    public void Office_hours_must_open_before_they_close()
    {
        Assert.Throws<ArgumentException>(() => new WorkingTime(new TimeOnly(18, 0), new TimeOnly(8, 0), NoHolidays));
        Assert.Throws<ArgumentException>(() => new WorkingTime(new TimeOnly(9, 0), new TimeOnly(9, 0), NoHolidays));
        Assert.Equal(new TimeSpan(7, 15, 0), new WorkingTime(new TimeOnly(9, 30), new TimeOnly(16, 45), NoHolidays).Day);
    }

    [Fact]
    public void A_force_s_working_time_uses_its_office_hours()
    {
        var force = new Force("kent", "Kent Police", "a@example.org", null, null);
        force.Update("a@example.org", null, null, new TimeOnly(9, 0), new TimeOnly(17, 0), hasContactsToSend: false);
        var hours = WorkingTime.Of(force, NoHolidays);
        Assert.Equal(TimeSpan.FromHours(8), hours.Day);
        // Fri 16 Jan 2026 16:00 GMT + 2 days of 8h: Fri 16:00-17:00 (1h), Mon 8h, Tue 09:00-16:00 (7h).
        Assert.Equal(Utc("2026-01-20T16:00:00Z"), hours.Add(Utc("2026-01-16T16:00:00Z"), 2 * hours.Day));
    }

    [Fact]
    public void Holidays_changed_after_construction_do_not_move_a_deadline()
    {
        var holidays = new HashSet<DateOnly>();
        var hours = EightToSix(holidays);
        holidays.Add(new DateOnly(2026, 1, 19));
        Assert.True(hours.IsWorkingDay(new DateOnly(2026, 1, 19)));
        // Fri 16 Jan 17:00 GMT + 2 days is still Tue 20 Jan 17:00: Monday 19 still counts.
        Assert.Equal(Utc("2026-01-20T17:00:00Z"), hours.Add(Utc("2026-01-16T17:00:00Z"), 2 * hours.Day));
    }

    [Fact]
    public void A_holiday_list_with_no_working_days_fails_loudly_instead_of_looping()
    {
        var everyWeekday = new HashSet<DateOnly>();
        for (var d = new DateOnly(2026, 1, 1); d < new DateOnly(2031, 1, 1); d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) everyWeekday.Add(d);
        var hours = EightToSix(everyWeekday);
        var error = Assert.Throws<InvalidOperationException>(() => hours.Add(Utc("2026-01-05T10:00:00Z"), TimeSpan.FromHours(1)));
        Assert.Contains("bank-holiday list", error.Message);
        Assert.Throws<InvalidOperationException>(() => hours.FirstWorkingDay(2026, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => EightToSix().Add(Utc("2026-01-05T10:00:00Z"), TimeSpan.FromMinutes(-1)));
    }
}
