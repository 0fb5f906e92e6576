namespace Nacars.Core.Intake;

/// <summary>A call handler's report in progress, saved as they type so a refresh, a dropped circuit or a
/// restart loses nothing. The content is encrypted at rest.</summary>
public sealed class IntakeDraft
{
    public Guid Id { get; private set; }
    public string Owner { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public string Content { get; private set; } = "{}";
    public string? SubmittedReference { get; private set; }

    private IntakeDraft() { }

    public IntakeDraft(Guid id, string owner, DateTime nowUtc)
    {
        Id = id;
        Owner = owner;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void Save(string content, DateTime nowUtc)
    {
        if (SubmittedReference is not null) throw new Contacts.DomainRuleException("This draft has already been submitted.");
        Content = content;
        UpdatedAtUtc = nowUtc;
    }

    public void MarkSubmitted(string reference) => SubmittedReference = reference;
}
