namespace Nacars.Core.Dissemination;

/// <summary>TLS was required and could not be had. Transient: the message stays queued until the relay is fixed.</summary>
public sealed class TlsRequiredException(string message, Exception inner) : Exception(message, inner);
