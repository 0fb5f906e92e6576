using Nacars.Core.Contacts;

namespace Nacars.Core.LiveFloor;

/// <summary>An open contact as the floor sees it: no account, nothing about the reporter.</summary>
public sealed record OpenContact(string Reference, DateTime ReceivedAtUtc, bool Urgent, ContactStatus Status, string? ClaimedBy, bool FastTimeCallLogged);
