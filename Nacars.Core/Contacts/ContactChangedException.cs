namespace Nacars.Core.Contacts;

/// <summary>Someone else changed the contact first (claim, decision). The message says what to do.</summary>
public sealed class ContactChangedException(string message) : InvalidOperationException(message);
