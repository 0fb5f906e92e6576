namespace Nacars.Core.Data;

/// <summary>A problem found while registering services, reported when the app starts rather than as a stack trace.</summary>
public sealed record ConfigurationProblem(string Message);
