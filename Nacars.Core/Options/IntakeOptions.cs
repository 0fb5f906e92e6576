namespace Nacars.Core;

public sealed class IntakeOptions
{
    public int AccountMaxLength { get; set; } = 20_000;
    public int FieldMaxLength { get; set; } = 500;
    public int FollowUpMaxLength { get; set; } = 10_000;
    /// <summary>Submissions per client per window (in memory only; nothing about the client is stored).</summary>
    public int SubmissionsPerWindow { get; set; } = 10;
    /// <summary>Wrong references or codes on the follow-up page per connection per window (in memory only).</summary>
    public int FollowUpAttemptsPerWindow { get; set; } = 5;
    /// <summary>Additions and answers under one report's valid code per window: generous, as a reporter may come back
    /// several times to answer questions, from a connection others share.</summary>
    public int FollowUpsPerReportPerWindow { get; set; } = 20;
    /// <summary>Every follow-up post from one connection, right or wrong, per window: bounds the work one connection
    /// can make; wrong codes have their own, lower limit.</summary>
    public int FollowUpPostsPerWindow { get; set; } = 60;
    public int RateLimitWindowSeconds { get; set; } = 600;
    public int DraftAutosaveMilliseconds { get; set; } = 800;
}
