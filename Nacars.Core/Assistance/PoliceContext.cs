using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>
/// Where in an account police are being talked about, and where someone else in a uniform is (a prison officer, a
/// security guard, a council warden): a name near the first is an officer's, near the second it is not.
/// </summary>
internal sealed partial class PoliceContext
{
    [GeneratedRegex(@"\b(?:housing\s+officers?|prison(?:\s+officers?)?|screws?|border\s+force|security\s+guards?|(?:parking|traffic|council)\s+wardens?|wardens?|civil\s+enforcement|enforcement\s+officers?|cctv\s+operators?|council|bailiffs?|immigration\s+officers?|customs\s+officers?|probation\s+officers?|bouncers?|door\s+staff|ticket\s+inspectors?|revenue\s+protection|store\s+detectives?|private\s+security|security)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NonPoliceRole();

    [GeneratedRegex(@"\b(?:arrested|arrest|charged|cautioned|released\s+under\s+investigation|interviewed\s+under\s+caution|in\s+custody)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ArrestWords();

    private static readonly HashSet<string> Strong = new(StringComparer.Ordinal)
    {
        "police", "policeman", "policewoman", "pc", "ps", "dc", "ds", "di", "dci", "sgt", "sergeant", "sargent", "constable", "inspector",
        "detective", "copper", "coppers", "cop", "cops", "polis", "peeler", "peelers", "plod", "feds", "fed", "bizzy", "busy", "pcso",
        "custody", "nick", "cid", "heddwas", "heddlu", "met", "bobby", "rozzers",
    };

    private readonly AccountText _account;
    private readonly bool[] _police;
    private readonly bool[] _strong;
    private readonly bool[] _nonPolice;
    private readonly int[] _sentence;

    public bool AboutPoliceOverall { get; }
    public int StrongCount { get; }
    public int NonPoliceCount { get; }

    public PoliceContext(AccountText account)
    {
        _account = account;
        var n = account.Tokens.Count;
        _police = new bool[n];
        _strong = new bool[n];
        _nonPolice = new bool[n];
        _sentence = new int[n];
        foreach (Match m in NonPoliceRole().Matches(account.Text))
            for (var t = account.TokenAt(m.Index); t < n && account.Tokens[t].Start < m.Index + m.Length; t++) _nonPolice[t] = true;
        var sentence = 0;
        for (var t = 0; t < n; t++)
        {
            if (t > 0)
                for (var i = account.Tokens[t - 1].End; i < account.Tokens[t].Start; i++)
                    if (account.Text[i] is '.' or '!' or '?' or '\n') { sentence++; break; }
            _sentence[t] = sentence;
            var w = account.Tokens[t].Folded;
            if (_nonPolice[t]) continue;
            // "busy", "met", "nick", "fed" are everyday words too: only as police when written as slang would be.
            if (w is "met" && !account.IsCapitalised(t)) continue;
            if (w is "busy" or "nick" or "fed" && !NextIsSlangContext(t)) continue;
            // "the sergeant's name": the possessive folds to "sergeants".
            if (!Lexicon.PoliceWords.Contains(w) && w.Length > 3 && w[^1] == 's' && Lexicon.PoliceWords.Contains(w[..^1])) w = w[..^1];
            _police[t] = Lexicon.PoliceWords.Contains(w);
            _strong[t] = _police[t] && Strong.Contains(w);
            if (_strong[t]) StrongCount++;
        }
        for (var t = 0; t < n; t++) if (_nonPolice[t] && (t == 0 || !_nonPolice[t - 1])) NonPoliceCount++;
        // Weak words ("officers", "uniform") count when no other uniform is about; so does an arrest or a charge.
        var weak = 0;
        for (var t = 0; t < n; t++) if (_police[t] && !_strong[t]) weak++;
        AboutPoliceOverall = StrongCount > 0 || (weak > 0 && NonPoliceCount == 0) || ArrestWords().IsMatch(account.Text);
    }

    private bool NextIsSlangContext(int t)
    {
        // "a bent busy", "hanley nick", "the feds": preceded by an article/adjective or a place, not "I was busy".
        if (t == 0) return false;
        var prev = _account.Tokens[t - 1].Folded;
        var w = _account.Tokens[t].Folded;
        if (w == "nick") return prev is not ("to" or "i" or "you" or "we" or "they" or "he" or "she" or "would" or "will" or "could" or "did" or "dont" or "didnt" or "cant");
        if (w == "busy") return prev is "bent" or "a" or "the" or "dirty" or "that" or "this" or "fucking" or "effing";
        return prev is "the" or "a" or "dirty" or "bent";
    }

    public bool IsPolice(int token) => _police[token];
    public bool IsNonPolice(int token) => _nonPolice[token];
    public int SentenceOf(int token) => _sentence[token];

    /// <summary>The name at [start, end) is said of an officer: a police word is near (this sentence, the one
    /// before, or a few words after), and no other uniform is nearer.</summary>
    public bool AboutOfficer(int start, int end)
    {
        var first = _account.TokenAt(start);
        var last = Math.Max(first, _account.TokenAt(end) - 1);
        if (first >= _police.Length) return false;
        int? policeDistance = null, otherDistance = null;
        var sentence = _sentence[first];
        for (var t = first - 1; t >= 0 && first - t <= 40 && _sentence[t] >= sentence - 1; t--)
        {
            if (_police[t]) policeDistance ??= first - t;
            if (_nonPolice[t]) otherDistance ??= first - t;
        }
        for (var t = last + 1; t < _police.Length && t - last <= 45 && _sentence[t] <= sentence + 2; t++)
        {
            if (_police[t]) policeDistance = Math.Min(policeDistance ?? int.MaxValue, t - last + 5);
            if (_nonPolice[t]) otherDistance = Math.Min(otherDistance ?? int.MaxValue, t - last + 5);
        }
        if (policeDistance is null) return false;
        // In an account about a prison officer or a council warden, "the officer" alone is theirs, not police.
        if (StrongCount == 0 && NonPoliceCount > 0) return false;
        return otherDistance is null || policeDistance < otherDistance;
    }

    /// <summary>A non-police uniform within the sentence before the position.</summary>
    public bool NonPoliceRoleNear(int position)
    {
        var t = Math.Min(_account.TokenAt(position), _police.Length - 1);
        if (t < 0) return false;
        for (var i = t; i >= 0 && t - i <= 8; i--)
        {
            if (_nonPolice[i]) return true;
            if (_police[i] && i < t) return false;
        }
        return false;
    }

    /// <summary>The token's sentence mentions police work (a strong police word, not a prison officer's).</summary>
    public bool SentenceIsAboutPolice(int token)
    {
        var sentence = _sentence[token];
        var hasPolice = false;
        var hasOther = false;
        for (var t = token; t >= 0 && _sentence[t] == sentence; t--) { hasPolice |= _strong[t] || _police[t]; hasOther |= _nonPolice[t]; }
        for (var t = token + 1; t < _police.Length && _sentence[t] == sentence; t++) { hasPolice |= _strong[t] || _police[t]; hasOther |= _nonPolice[t]; }
        return hasPolice && !hasOther;
    }
}
