using System.Globalization;

namespace Nacars.Core.Assistance;

/// <summary>
/// The place-name gazetteer (Data/gazetteer.tsv, an embedded, versioned data file: see its header for version and
/// sources). Loaded once, lazily and thread-safely; names are looked up word by word in a trie keyed on folded tokens.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Shared = new(() => Load(OpenEmbedded()), LazyThreadSafetyMode.ExecutionAndPublication);

    public static Gazetteer Instance => Shared.Value;

    public string Version { get; }
    public IReadOnlyList<string> Sources { get; }
    public int Count { get; }

    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public List<GazetteerEntry>? Entries;
    }

    private readonly Dictionary<string, Node> _root;

    private Gazetteer(string version, IReadOnlyList<string> sources, Dictionary<string, Node> root, int count)
    {
        Version = version;
        Sources = sources;
        _root = root;
        Count = count;
    }

    private static Stream OpenEmbedded() =>
        typeof(Gazetteer).Assembly.GetManifestResourceStream("Nacars.Core.Assistance.Data.gazetteer.tsv")
        ?? throw new InvalidOperationException("The embedded gazetteer (Assistance/Data/gazetteer.tsv) is missing from Nacars.Core.");

    /// <summary>Reads a gazetteer in the embedded file's format: '#' header lines ("# version: …", "# source: …"), then
    /// rows of name, kind, forces (code[:weight],…) and optional flags ("cap": match only when written with a capital).</summary>
    public static Gazetteer Load(Stream stream)
    {
        using var reader = new StreamReader(stream);
        var version = "unversioned";
        var sources = new List<string>();
        var root = new Dictionary<string, Node>(StringComparer.Ordinal);
        var count = 0;
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) continue;
            if (line[0] == '#')
            {
                var body = line.TrimStart('#').Trim();
                if (body.StartsWith("version:", StringComparison.OrdinalIgnoreCase)) version = body[8..].Trim();
                else if (body.StartsWith("source:", StringComparison.OrdinalIgnoreCase)) sources.Add(body[7..].Trim());
                continue;
            }
            var cells = line.Split('\t');
            if (cells.Length < 3) throw new FormatException($"gazetteer line {lineNo}: expected name, kind, forces");
            if (cells[0] == "name" && cells[1] == "kind") continue; // the column header
            var kind = Enum.Parse<PlaceKind>(cells[1], ignoreCase: true);
            var forces = cells[2].Length == 0 ? [] : cells[2].Split(',').Select(ParseForce).ToArray();
            var capitalOnly = cells.Length > 3 && cells[3].Split(',').Contains("cap");
            var entry = new GazetteerEntry(cells[0], kind, forces, capitalOnly);
            var words = AccountText.Tokenise(cells[0]);
            if (words.Length == 0) continue;
            var level = root;
            Node? node = null;
            foreach (var word in words)
            {
                if (!level.TryGetValue(word.Folded, out node)) level[word.Folded] = node = new Node();
                level = node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            }
            (node!.Entries ??= []).Add(entry);
            count++;
        }
        return new Gazetteer(version, sources, root, count);

        ForceWeight ParseForce(string cell)
        {
            var colon = cell.IndexOf(':');
            return colon < 0
                ? new ForceWeight(cell.Trim(), 1.0)
                : new ForceWeight(cell[..colon].Trim(), double.Parse(cell[(colon + 1)..], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The longest gazetteer name starting at token <paramref name="first"/>, if any.</summary>
    public GazetteerMatch? LongestAt(AccountText text, int first)
    {
        var tokens = text.Tokens;
        if (!_root.TryGetValue(tokens[first].Folded, out var node)) return null;
        GazetteerMatch? best = null;
        var i = first;
        while (true)
        {
            if (node.Entries is { } entries)
            {
                var usable = Usable(text, first, entries);
                if (usable is not null) best = new GazetteerMatch(first, i, tokens[first].Start, tokens[i].End, usable);
            }
            if (node.Next is null || i + 1 >= tokens.Count || !text.Adjacent(i, i + 1)) break;
            if (!node.Next.TryGetValue(tokens[i + 1].Folded, out node)) break;
            i++;
        }
        return best;
    }

    /// <summary>The names of one word, folded, with their entries: what a misspelt word is compared with.</summary>
    internal IEnumerable<(string Word, IReadOnlyList<GazetteerEntry> Entries)> OneWordNames() =>
        _root.Where(kv => kv.Value.Entries is not null).Select(kv => (kv.Key, (IReadOnlyList<GazetteerEntry>)kv.Value.Entries!));

    /// <summary>Every gazetteer name in the account, longest first at each word, never overlapping.</summary>
    public List<GazetteerMatch> FindAll(AccountText text)
    {
        var found = new List<GazetteerMatch>();
        for (var i = 0; i < text.Tokens.Count; i++)
        {
            if (LongestAt(text, i) is not { } match) continue;
            found.Add(match);
            i = match.Last;
        }
        return found;
    }

    /// <summary>Looks up the words of the account from token <paramref name="first"/> to <paramref name="last"/> as one
    /// name, without tokenising them again.</summary>
    public IReadOnlyList<GazetteerEntry> Lookup(AccountText text, int first, int last)
    {
        var level = _root;
        Node? node = null;
        for (var i = first; i <= last; i++)
        {
            if (level is null || !level.TryGetValue(text.Tokens[i].Folded, out node)) return [];
            level = node.Next!;
        }
        return node?.Entries ?? (IReadOnlyList<GazetteerEntry>)[];
    }

    /// <summary>Looks up a whole phrase (e.g. the head of "Southampton Central police station").</summary>
    public IReadOnlyList<GazetteerEntry> Lookup(string phrase)
    {
        var words = AccountText.Tokenise(phrase);
        if (words.Length == 0) return [];
        var level = _root;
        Node? node = null;
        foreach (var word in words)
        {
            if (level is null || !level.TryGetValue(word.Folded, out node)) return [];
            level = node.Next!;
        }
        return node?.Entries ?? (IReadOnlyList<GazetteerEntry>)[];
    }

    private static List<GazetteerEntry>? Usable(AccountText text, int first, List<GazetteerEntry> entries)
    {
        // A name that is also an everyday word (Reading, Deal, Street) counts only when written with a capital.
        var capitalised = text.IsCapitalised(first);
        if (capitalised) return entries;
        // In an account written all in lower case ("in bath theres a police car", "near rhyl"), after a word that
        // introduces a place, such a name is the place: there is no capital to wait for.
        if (text.WrittenInLowerCase && first > 0 && text.Tokens[first - 1].Folded is "in" or "near" or "at" or "from" or "round" or "outside" or "to" or "of")
            return entries;
        List<GazetteerEntry>? usable = null;
        foreach (var e in entries)
            if (!e.CapitalOnly) (usable ??= []).Add(e);
        return usable;
    }
}
