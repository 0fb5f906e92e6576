using Nacars.Core.Contacts;

namespace Nacars.Core.Retention;

/// <summary>A contact nobody decided, listed for its yearly review.</summary>
public sealed record UndecidedContact(string Reference, DateTime ReceivedAtUtc, string ForceCode, ContactStatus Status, string? ClaimedBy, DateTime? KeptUntilUtc);
