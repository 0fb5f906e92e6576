namespace Nacars.Core.Assistance;

/// <summary>A detail found in an account: what it is, where it is, and why the highlighter thinks so.</summary>
public sealed record AccountEntity(string Kind, string Text, int Start, int Length, string Why)
{
    public int End => Start + Length;
}
