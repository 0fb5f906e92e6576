namespace Nacars.Core.Contacts;

/// <summary>The service works in UK time: store UTC, show and reason in Europe/London.</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The one en-GB culture the service formats dates with, looked up once: <see cref="System.Globalization.CultureInfo.GetCultureInfo(string)"/> takes a lock, and every
    /// queue row on every open page formats a time each time it renders (a server profile at 20 reports a second showed
    /// threads queueing on that lock).</summary>
    public static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime ukLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(ukLocal, DateTimeKind.Unspecified), Zone);

    /// <summary>Weekday, day, short month, year and 24-hour time ("ddd d MMM yyyy HH:mm").</summary>
    public static string Format(DateTime utc) => FromUtc(utc).ToString("ddd d MMM yyyy HH:mm", Culture);
}
