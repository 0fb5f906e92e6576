namespace Nacars.Core.ForceFeedback;

public sealed class UnreadableMailException(string message) : Exception(message);
