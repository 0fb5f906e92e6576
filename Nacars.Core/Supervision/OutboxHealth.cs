namespace Nacars.Core.Supervision;

public sealed record OutboxHealth(int Queued, int Sending, int Failed, int SentToday, TimeSpan? OldestQueuedAge, IReadOnlyList<FailedMessage> Failures, int Stuck = 0);
