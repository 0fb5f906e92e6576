using Nacars.Core.Contacts;

namespace Nacars.Core.Triage;

/// <summary>A queue row: what the dashboard shows, with no account text and nothing about the reporter.</summary>
/// <param name="NewInformation">The reporter sent information (an answer, more detail, files) no analyst has read yet:
/// the row says "reply received".</param>
/// <param name="DecidedForceCode">The force the contact was first sent to; the row names it beside a second force.</param>
/// <param name="ForceReplied">A force has answered the report (the row says "force replied").</param>
public sealed record QueueItem(
    string Reference, DateTime ReceivedAtUtc, Channel Channel, string ReportedForceCode, string ForceCode,
    IReadOnlyList<string> Categories, bool Urgent, ContactStatus Status, string? ClaimedBy, int FollowUps,
    bool FastTimeCallLogged = false, string? DecidedBy = null, bool NewInformation = false, string? DecidedForceCode = null, bool ForceReplied = false);
