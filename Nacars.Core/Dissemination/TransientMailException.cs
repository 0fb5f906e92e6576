namespace Nacars.Core.Dissemination;

/// <summary>The relay said "not now" (a 4xx: greylisting, a full queue): the message is retried, and the outbox row
/// keeps the relay's code and words so whoever looks sees why.</summary>
public sealed class TransientMailException(string message, Exception? inner = null) : Exception(message, inner);
