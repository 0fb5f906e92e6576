using Nacars.Core.Contacts;

namespace Nacars.Core.ForceFeedback;

/// <summary>What a force told us came of a report, on the date it told us. Never changed: a later word from the force
/// is a new row, so the history stays; the newest is the report's outcome. Only retention clears its note.</summary>
public sealed class ForceOutcome
{
    public const int MaxNoteLength = 1_000;

    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    public string Reference { get; private set; } = "";
    public string ForceCode { get; private set; } = "";
    public OutcomeKind Kind { get; private set; }
    /// <summary>Required for <see cref="OutcomeKind.Other"/>; encrypted (it may name the officer).</summary>
    public string? Note { get; private set; }
    public DateOnly ToldOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }

    private ForceOutcome() { }

    /// <summary>Retention: the note's words go (they may name the officer or the reporter); what came of it stays.</summary>
    public void Forget() => Note = null;

    public ForceOutcome(Guid contactId, string reference, string forceCode, OutcomeKind kind, string? note, DateOnly toldOn, string recordedBy, DateTime nowUtc)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("Choose an outcome from the list.");
        if (kind == OutcomeKind.Other && note is null) throw new DomainRuleException("Say what the outcome was: \"Other\" needs a note.");
        if (note is { Length: > MaxNoteLength }) throw new DomainRuleException($"Keep the note to {MaxNoteLength} characters.");
        var today = DateOnly.FromDateTime(UkTime.FromUtc(nowUtc));
        if (toldOn > today) throw new DomainRuleException("The date the force told us cannot be in the future.");
        (Id, ContactId, Reference, ForceCode, Kind, Note, ToldOn, RecordedBy, RecordedAtUtc) =
            (Guid.CreateVersion7(nowUtc), contactId, reference, forceCode, kind, note, toldOn, recordedBy, nowUtc);
    }
}
