namespace Nacars.Core.Intake;

/// <summary>What the reporter takes away: shown once, never stored in the clear. <paramref name="AlreadyReceived"/>:
/// the same form was posted again (a reload, a double click); the reference is the first post's, and the code, shown
/// only the first time, is empty.</summary>
public sealed record SubmittedReport(string Reference, string FollowUpCode, bool Urgent, int Files = 0, bool AlreadyReceived = false);
