namespace Nacars.Core.Triage;

/// <summary>Where the next page starts: the last row of this one (keyset paging, so page 500 costs what page 1 does).</summary>
public sealed record QueueCursor(bool Urgent, DateTime ReceivedAtUtc, string Reference)
{
    public static QueueCursor After(QueueItem item) => new(item.Urgent, item.ReceivedAtUtc, item.Reference);
}
