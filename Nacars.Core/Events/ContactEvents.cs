namespace Nacars.Core.Events;

/// <summary>
/// What happened to a contact, as pushed to every open dashboard and hub client. Carries references and states
/// only: never the account or anything about the reporter.
/// </summary>
public sealed record ContactEvent(ContactEventKind Kind, string Reference, string Status, string? Actor, DateTime AtUtc, string? Detail = null, bool Urgent = false);

