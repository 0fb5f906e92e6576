using Nacars.Core.Contacts;

namespace Nacars.Core.Triage;

/// <summary>
/// What the queue shows. The open work queue is in working order (urgent first, then oldest); any other view is a
/// search, newest first. Everything but the subject's number and surname can live in a page's address: those two are
/// personal data, matched through keyed hashes (<see cref="ContactIdentifier"/>) and never put in a URL.
/// </summary>
public sealed record QueueFilter(
    StatusFilter Status = StatusFilter.Open,
    string? ForceCode = null,
    Channel? Channel = null,
    bool? Urgent = null,
    DateOnly? ReceivedFrom = null,
    DateOnly? ReceivedTo = null,
    string? Analyst = null,
    string? Reference = null,
    string? SubjectNumber = null,
    string? SubjectSurname = null)
{
    public bool WorkOrder => Status == StatusFilter.Open;

    /// <summary>Whether a row belongs in this view, decided from the row alone by the same rules the database query
    /// uses (<see cref="QueueRules"/>); null when the filter names the subject (matched through keyed hashes the row
    /// does not carry), so only the database can tell.</summary>
    public bool? Matches(QueueItem item) => DecidableFromRow ? QueueRules.ForRows(this)(item) : null;

    /// <summary>False when the filter names the subject: only the database (its keyed hashes) can tell which rows match.</summary>
    public bool DecidableFromRow => string.IsNullOrWhiteSpace(SubjectNumber) && string.IsNullOrWhiteSpace(SubjectSurname);

    /// <summary>The received dates as UTC instants: from the start of the first UK day, before the start of the day after the last.</summary>
    internal (DateTime? FromUtc, DateTime? BeforeUtc) ReceivedBoundsUtc => (
        ReceivedFrom is { } from ? UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)) : null,
        ReceivedTo is { } to ? UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null);

    /// <summary>A whole reference, however it was typed or read out, or else the start of one.</summary>
    internal (string? Exact, string? Prefix) ReferenceMatch
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Reference)) return (null, null);
            var typed = Contacts.Reference.Normalise(Reference);
            return typed is not null ? (typed, null) : (null, Reference.Trim().ToUpperInvariant());
        }
    }

    /// <summary>Where a row stands in this view's order (for placing a live update without reloading the page).</summary>
    public int Compare(QueueItem a, QueueItem b)
    {
        if (WorkOrder)
        {
            if (a.Urgent != b.Urgent) return a.Urgent ? -1 : 1;
            var byAge = a.ReceivedAtUtc.CompareTo(b.ReceivedAtUtc);
            return byAge != 0 ? byAge : string.CompareOrdinal(a.Reference, b.Reference);
        }
        var newest = b.ReceivedAtUtc.CompareTo(a.ReceivedAtUtc);
        return newest != 0 ? newest : string.CompareOrdinal(b.Reference, a.Reference);
    }
}
