namespace Nacars.Core.Contacts;

/// <summary>An illegal move in the workflow. The message is written for the analyst who tried it.</summary>
public sealed class DomainRuleException(string message) : InvalidOperationException(message);

