namespace Nacars.Core.Triage;

public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int Total, QueueCursor? Next);
