using System.Security.Cryptography;

namespace Nacars.Core.Contacts;

/// <summary>
/// A contact's public reference, <c>NAC-XXXX-XXXX</c>: eight random Crockford base32 symbols
/// (no I, L, O or U), so it can be read over the phone without confusion. 40 random bits.
/// </summary>
public static class Reference
{
    public const string Prefix = "NAC-";
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string NewReference()
    {
        Span<char> symbols = stackalloc char[8];
        RandomNumberGenerator.GetItems(Alphabet, symbols); // one read of the OS generator, not one per symbol
        return $"{Prefix}{symbols[..4]}-{symbols[4..]}";
    }

    public static bool IsValid(string? value) =>
        value is { Length: 13 }
        && value.StartsWith(Prefix, StringComparison.Ordinal)
        && value[8] == '-'
        && value[4..8].All(c => Alphabet.Contains(c))
        && value[9..].All(c => Alphabet.Contains(c));

    /// <summary>Accepts what a person types or says back (lower case, spaces, O for 0, I/L for 1).</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var chars = typed.Trim().ToUpperInvariant()
            .Where(c => !char.IsWhiteSpace(c) && c != '-')
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })
            .ToArray();
        var s = new string(chars);
        if (s.StartsWith("NAC", StringComparison.Ordinal)) s = s[3..];
        if (s.Length != 8) return null;
        var candidate = $"{Prefix}{s[..4]}-{s[4..]}";
        return IsValid(candidate) ? candidate : null;
    }

    private static readonly Dictionary<char, string> Phonetic = new()
    {
        ['A'] = "Alpha", ['B'] = "Bravo", ['C'] = "Charlie", ['D'] = "Delta", ['E'] = "Echo", ['F'] = "Foxtrot",
        ['G'] = "Golf", ['H'] = "Hotel", ['J'] = "Juliet", ['K'] = "Kilo", ['M'] = "Mike", ['N'] = "November",
        ['P'] = "Papa", ['Q'] = "Quebec", ['R'] = "Romeo", ['S'] = "Sierra", ['T'] = "Tango", ['V'] = "Victor",
        ['W'] = "Whiskey", ['X'] = "X-ray", ['Y'] = "Yankee", ['Z'] = "Zulu",
    };

    /// <summary>"N-A-C dash Kilo 7 Mike 3 dash …" for reading the reference back to a caller.</summary>
    public static string ToPhonetic(string reference) => "N-A-C dash " + SpellGroups(reference[Prefix.Length..]);

    /// <summary>Groups of symbols read aloud ("7 Kilo dash …"): the tail of a reference, or a whole follow-up code.</summary>
    public static string SpellGroups(string groups) => string.Join(" dash ",
        groups.Split('-').Select(g => string.Join(" ", g.Select(c => Phonetic.TryGetValue(c, out var word) ? word : c.ToString()))));
}
