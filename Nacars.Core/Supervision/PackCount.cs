namespace Nacars.Core.Supervision;

/// <summary>One labelled count in a monthly pack ("No further action", 3).</summary>
public sealed record PackCount(string Label, int Count);
