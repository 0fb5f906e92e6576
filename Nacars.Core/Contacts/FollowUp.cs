namespace Nacars.Core.Contacts;

/// <summary>Information the reporter (or a call handler) added after the first report. Encrypted at rest.</summary>
public sealed class FollowUp
{
    public long Id { get; private set; }
    public Guid ContactId { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    /// <summary>What was added; empty when the reporter sent files only.</summary>
    public string Text { get; private set; } = "";
    /// <summary>The analyst's question this answers, if it is an answer.</summary>
    public long? QuestionId { get; private set; }
    /// <summary>The call handler who keyed it in for a caller; null when the reporter typed it online.</summary>
    public string? TakenBy { get; private set; }

    private FollowUp() { }

    /// <summary>Text, or files alone (<paramref name="withFiles"/>, attached next).</summary>
    internal static FollowUp Make(Guid contactId, string? text, bool withFiles, DateTime receivedAtUtc, long? questionId, string? takenBy) =>
        string.IsNullOrWhiteSpace(text) && !withFiles
            ? throw new DomainRuleException("A follow-up needs some text.")
            : new(contactId, text?.Trim() ?? "", receivedAtUtc, questionId, takenBy);

    private FollowUp(Guid contactId, string text, DateTime receivedAtUtc, long? questionId = null, string? takenBy = null)
    {
        ContactId = contactId;
        Text = text;
        ReceivedAtUtc = receivedAtUtc;
        QuestionId = questionId;
        TakenBy = takenBy;
    }
}
