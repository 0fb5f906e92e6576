namespace Nacars.Core.Contacts;

/// <summary>A question an analyst asked the reporter. The reporter sees the text and when it was asked, never who
/// asked it. The text is encrypted at rest (it may repeat what the reporter said).</summary>
public sealed class ReporterQuestion
{
    public long Id { get; private set; }
    public Guid ContactId { get; private set; }
    public DateTime AskedAtUtc { get; private set; }
    /// <summary>Staff only: never shown to the reporter.</summary>
    public string AskedBy { get; private set; } = "";
    public string Text { get; private set; } = "";

    private ReporterQuestion() { }

    internal static ReporterQuestion Make(Guid contactId, string text, string askedBy, DateTime askedAtUtc) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainRuleException("Write the question for the reporter.") : new(contactId, text.Trim(), askedBy, askedAtUtc);

    private ReporterQuestion(Guid contactId, string text, string askedBy, DateTime askedAtUtc)
    {
        ContactId = contactId;
        Text = text;
        AskedBy = askedBy;
        AskedAtUtc = askedAtUtc;
    }
}
