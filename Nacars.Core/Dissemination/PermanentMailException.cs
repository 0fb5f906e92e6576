namespace Nacars.Core.Dissemination;

/// <summary>A failure that will not go away by retrying (a 5xx rejection, a recipient outside the allow-list).</summary>
public sealed class PermanentMailException(string message, Exception? inner = null) : Exception(message, inner);
