namespace Nacars.Core.Assistance;

/// <summary>A gazetteer name found in an account, over tokens [First, Last].</summary>
public readonly record struct GazetteerMatch(int First, int Last, int Start, int End, IReadOnlyList<GazetteerEntry> Entries)
{
    public int Length => End - Start;
}
