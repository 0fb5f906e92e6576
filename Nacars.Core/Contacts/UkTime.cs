namespace Nacars.Core.Contacts;

/// <summary>The service works in UK time: store UTC, show and reason in Europe/London.</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime ukLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(ukLocal, DateTimeKind.Unspecified), Zone);

    /// <summary>"Sat 28 Nov 2026 21:47".</summary>
    public static string Format(DateTime utc) => FromUtc(utc).ToString("ddd d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
