namespace Nacars.Core.Data;

/// <summary>Thrown at start-up when the app must not run: the message is the one log line an operator needs.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
