namespace Nacars.Core.Assistance;

/// <summary>
/// A stretch of the account that could let the accused officer (or the force) work out who the reporter is.
/// <see cref="FlagId"/> is stable for the same kind and wording, so a decision ("kept, because …") can be recorded
/// against it and checked again after the analyst edits the text.
/// </summary>
public sealed record ReporterFlag(string FlagId, string Kind, string Text, int Start, int Length, string Why, string Replacement)
{
    public int End => Start + Length;
}
