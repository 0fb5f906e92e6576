namespace Nacars.Core.Assistance;

/// <summary>One word of an account: where it is and its folded form (lower case, apostrophes dropped, "saint" as
/// "st") so "King's Lynn", "kings lynn" and "St. Helens" all meet the gazetteer's spelling.</summary>
public readonly record struct Token(int Start, int Length, string Folded)
{
    public int End => Start + Length;
}
