namespace Nacars.Core.Assistance;

/// <summary>
/// Words for the police, and a few of everyday speech, that belong to one part of the United Kingdom: "the polis" and
/// "fae" are Scots, "peelers" Northern Irish, "bizzies" Scouse, "heddlu" Welsh. They are weak evidence, read only when an
/// account names no place, station or force at all, so they can add a suggestion and never displace one.
/// </summary>
internal static class DialectForces
{
    private static readonly Dictionary<string, (string Where, ForceWeight[] Forces)> Words = new(StringComparer.Ordinal)
    {
        ["polis"] = ("Scots", [new("scotland", 1)]),
        ["fae"] = ("Scots", [new("scotland", 1)]),
        ["dinnae"] = ("Scots", [new("scotland", 1)]),
        ["cannae"] = ("Scots", [new("scotland", 1)]),
        ["wisnae"] = ("Scots", [new("scotland", 1)]),
        ["didnae"] = ("Scots", [new("scotland", 1)]),
        ["isnae"] = ("Scots", [new("scotland", 1)]),
        ["weans"] = ("Scots", [new("scotland", 1)]),
        ["wean"] = ("Scots", [new("scotland", 1)]),
        ["peeler"] = ("Northern Irish", [new("psni", 1)]),
        ["peelers"] = ("Northern Irish", [new("psni", 1)]),
        ["bizzie"] = ("Scouse", [new("merseyside", 1)]),
        ["bizzies"] = ("Scouse", [new("merseyside", 1)]),
        ["bizzy"] = ("Scouse", [new("merseyside", 1)]),
        ["heddlu"] = ("Welsh", [new("south-wales", 0.3), new("north-wales", 0.25), new("dyfed-powys", 0.25), new("gwent", 0.2)]),
        ["heddwas"] = ("Welsh", [new("south-wales", 0.3), new("north-wales", 0.25), new("dyfed-powys", 0.25), new("gwent", 0.2)]),
        ["wee"] = ("Scots or Northern Irish", [new("scotland", 0.5), new("psni", 0.5)]),
    };

    /// <summary>Each dialect word once, with the forces it points to and why.</summary>
    public static IEnumerable<(string Word, string Where, ForceWeight[] Forces)> In(AccountText account)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in account.Tokens)
            if (Words.TryGetValue(token.Folded, out var hint) && seen.Add(token.Folded))
                yield return (token.Folded, hint.Where, hint.Forces);
    }
}
