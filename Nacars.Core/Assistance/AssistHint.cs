namespace Nacars.Core.Assistance;

/// <summary>A prompt for the analyst about one threshold check or urgency. Never ticks or unticks anything.</summary>
public sealed record AssistHint(string Check, string Message, string Why);
