namespace Nacars.Core.Intake;

/// <summary>What a reporter adds later: free text, answers to the analysts' questions (by question id), or both. The
/// follow-up page's field names are this class's properties under the prefix <c>FollowUp.</c>.</summary>
public sealed class FollowUpSubmission
{
    public string? Reference { get; set; }
    public string? Code { get; set; }
    public string? Text { get; set; }
    public Dictionary<long, string?> Answers { get; set; } = [];
    /// <summary>Made when the form is shown (<see cref="SubmissionReceipt.NewKey"/>): the same post twice adds once.</summary>
    public string? SubmissionKey { get; set; }
}
