using System.Collections.Frozen;
using Nacars.Core.Contacts;

namespace Nacars.Core.Forces;

/// <summary>A force's working time: its office hours (Europe/London local time) on weekdays that are not bank holidays.
/// Deadlines such as "two working days" or "four working hours" are counted in it, not in elapsed time, because a report
/// sent on a Friday evening is not late on Saturday. Office hours are taken in UK local time on each day, so a deadline
/// that spans the March or October clock change still lands at the right time on the office clock.</summary>
public sealed class WorkingTime
{
    /// <summary>How far to look for the next working day before giving up: a year has far more weekdays than bank
    /// holidays, so a search this long means the holiday list is wrong, and an endless loop would hide that.</summary>
    private const int SearchLimitDays = 3 * 366;

    private readonly TimeOnly _opens;
    private readonly TimeOnly _closes;
    private readonly FrozenSet<DateOnly> _bankHolidays;

    public WorkingTime(TimeOnly opens, TimeOnly closes, IReadOnlySet<DateOnly> bankHolidays)
    {
        ArgumentNullException.ThrowIfNull(bankHolidays);
        if (opens >= closes) throw new ArgumentException($"Office hours must open before they close ({opens:HH:mm}-{closes:HH:mm}).", nameof(closes));
        _opens = opens;
        _closes = closes;
        // Copied, so a caller changing its set afterwards cannot move a deadline already worked out from this one.
        _bankHolidays = bankHolidays.ToFrozenSet();
        Day = closes - opens;
    }

    /// <summary>The working time of a force's office. The caller passes the holidays of the force's
    /// <see cref="Force.Nation"/>: which dates count is the calendar's business, not this class's.</summary>
    public static WorkingTime Of(Force force, IReadOnlySet<DateOnly> bankHolidays)
    {
        ArgumentNullException.ThrowIfNull(force);
        return new WorkingTime(force.OfficeOpens, force.OfficeCloses, bankHolidays);
    }

    /// <summary>Length of one working day (closes - opens).</summary>
    public TimeSpan Day { get; }

    /// <summary>Monday to Friday and not a bank holiday: the UK clock changes fall on Sundays, so a working day always
    /// holds exactly <see cref="Day"/> of office time.</summary>
    public bool IsWorkingDay(DateOnly ukDate) =>
        ukDate.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_bankHolidays.Contains(ukDate);

    /// <summary>The UTC instant when <paramref name="working"/> of office time has passed after
    /// <paramref name="startUtc"/> (a start outside office hours counts from the next opening). A zero
    /// <paramref name="working"/> returns the start moved to the next office instant (or the start itself when it is
    /// inside hours). When the time runs out exactly at closing, the closing instant is returned rather than the next
    /// opening, so that <see cref="Between"/> of the start and the result gives back <paramref name="working"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="working"/> is negative: deadlines are only counted forwards.</exception>
    /// <exception cref="InvalidOperationException">No working day for three years: the holiday list is wrong.</exception>
    public DateTime Add(DateTime startUtc, TimeSpan working)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(working, TimeSpan.Zero);
        var cursor = AsUtc(startUtc);
        var remaining = working;
        var date = UkDate(cursor);
        var daysWithoutWork = 0;
        while (true)
        {
            if (IsWorkingDay(date))
            {
                daysWithoutWork = 0;
                var (open, close) = OfficeHours(date);
                if (close > cursor)
                {
                    var from = cursor > open ? cursor : open;
                    var left = close - from;
                    if (remaining <= left) return from + remaining;
                    remaining -= left;
                }
            }
            else if (++daysWithoutWork > SearchLimitDays)
            {
                throw new InvalidOperationException(
                    $"No working day in the {SearchLimitDays} days up to {date:yyyy-MM-dd}: every weekday is marked a bank holiday. Check the bank-holiday list.");
            }
            date = date.AddDays(1);
        }
    }

    /// <summary>Office time between two UTC instants (zero when to &lt;= from).</summary>
    public TimeSpan Between(DateTime fromUtc, DateTime toUtc)
    {
        var from = AsUtc(fromUtc);
        var to = AsUtc(toUtc);
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var last = UkDate(to);
        for (var date = UkDate(from); date <= last; date = date.AddDays(1))
        {
            if (!IsWorkingDay(date)) continue;
            var (open, close) = OfficeHours(date);
            var start = from > open ? from : open;
            var end = to < close ? to : close;
            if (end > start) total += end - start;
        }
        return total;
    }

    /// <summary>The first working day of a month (UK date).</summary>
    /// <exception cref="InvalidOperationException">Every weekday of the month is a bank holiday: the list is wrong.</exception>
    public DateOnly FirstWorkingDay(int year, int month)
    {
        for (var date = new DateOnly(year, month, 1); date.Month == month; date = date.AddDays(1))
            if (IsWorkingDay(date)) return date;
        throw new InvalidOperationException(
            $"{year:D4}-{month:D2} has no working day: every weekday is marked a bank holiday. Check the bank-holiday list.");
    }

    /// <summary>The office's opening and closing on a working day as UTC instants. Converted day by day because the
    /// offset differs between GMT and BST; a working day never holds a clock change (they fall on Sundays), so neither
    /// instant can be in the skipped or repeated hour.</summary>
    private (DateTime Open, DateTime Close) OfficeHours(DateOnly ukDate) =>
        (UkTime.ToUtc(ukDate.ToDateTime(_opens)), UkTime.ToUtc(ukDate.ToDateTime(_closes)));

    private static DateOnly UkDate(DateTime utc) => DateOnly.FromDateTime(UkTime.FromUtc(utc));

    /// <summary>The database hands back instants with an unspecified kind; they are UTC. A local one (never stored, but
    /// possible from a caller) is converted rather than relabelled.</summary>
    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
