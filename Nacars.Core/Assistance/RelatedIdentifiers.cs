using System.Text.RegularExpressions;
using Nacars.Core.Contacts;
using Nacars.Core.Forces;

namespace Nacars.Core.Assistance;

/// <summary>Normalises what a contact says about its subject into identifiers that another contact about the same
/// officer would share, however differently it is written.</summary>
public static partial class RelatedIdentifiers
{
    [GeneratedRegex(@"\d{2,7}")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+(?:police\s+(?:station|stn|office|hq|headquarters|investigation\s+centre|custody(?:\s+suite)?|centre|post|base|building)|custody\s+(?:suite|centre|block|unit)|custody|criminal\s+justice\s+centre|investigation\s+centre|nick|cop\s+shop|station|pic)$", RegexOptions.IgnoreCase)]
    private static partial Regex StationSuffix();

    /// <summary>Identifiers from an account (and the subject fields the reporter filled in), for a contact routed to
    /// <paramref name="forceCode"/> (or, when that is null or "unknown", the top suggested force).</summary>
    public static IReadOnlySet<RelatedIdentifier> From(string text, SubjectDetails? subject, string? forceCode)
    {
        var run = AccountAnalyser.Run(text, null);
        if (string.IsNullOrEmpty(forceCode) || forceCode == "unknown")
            forceCode = ForceSuggester.Suggest(run.Account, run.Located, 1).FirstOrDefault()?.Code;
        return From(run.Entities, subject, forceCode);
    }

    /// <summary>Identifiers from entities already found (saves analysing the account twice).</summary>
    public static IReadOnlySet<RelatedIdentifier> From(IReadOnlyList<AccountEntity> entities, SubjectDetails? subject, string? forceCode)
    {
        var set = new HashSet<RelatedIdentifier>();
        var force = string.IsNullOrEmpty(forceCode) || forceCode == "unknown" ? null : forceCode;

        var numbers = entities.Where(e => e.Kind == EntityKinds.OfficerNumber).Select(e => e.Text).ToList();
        if (!string.IsNullOrWhiteSpace(subject?.Number)) numbers.Add(subject.Number);
        foreach (var n in numbers)
            foreach (Match d in Digits().Matches(n))
                if (force is not null) set.Add(new(RelatedKinds.Collar, $"{d.Value.TrimStart('0')}|{force}"));

        foreach (var e in entities)
        {
            switch (e.Kind)
            {
                case EntityKinds.VehicleReg: set.Add(new(RelatedKinds.Vrm, VehicleRegRecogniser.Normalise(e.Text))); break;
                case EntityKinds.Phone when Phones.ToE164(e.Text) is { } p: set.Add(new(RelatedKinds.Phone, p)); break;
                case EntityKinds.Email: set.Add(new(RelatedKinds.Email, e.Text.Trim().ToLowerInvariant())); break;
                case EntityKinds.Handle: set.Add(new(RelatedKinds.Handle, NormaliseHandle(e.Text))); break;
            }
        }

        var stations = entities.Where(e => e.Kind == EntityKinds.Station).Select(e => NormaliseStation(e.Text)).Where(s => s.Length > 0).Distinct().ToList();
        if (!string.IsNullOrWhiteSpace(subject?.Workplace)) stations.Add(NormaliseStation(subject.Workplace));
        var (surnames, firstNames, fullNames) = NameParts(entities.Where(e => e.Kind == EntityKinds.OfficerName).Select(e => e.Text).Append(subject?.Name));
        if (force is not null) foreach (var full in fullNames) set.Add(new(RelatedKinds.NameForce, $"{full}|{force}"));
        foreach (var surname in surnames)
        {
            if (force is not null) set.Add(new(RelatedKinds.SurnameForce, $"{surname}|{force}"));
            foreach (var station in stations) set.Add(new(RelatedKinds.SurnameStation, $"{surname}|{station}"));
        }
        foreach (var first in firstNames)
            foreach (var station in stations) set.Add(new(RelatedKinds.FirstNameStation, $"{first}|{station}"));
        return set;
    }

    /// <summary>"@TV_Deals_Medway", "snap: wayne.a.1954", "insta tv_deals_medway" → "tv_deals_medway".</summary>
    public static string NormaliseHandle(string handle)
    {
        var h = handle.Trim();
        var at = h.LastIndexOf('@');
        if (at >= 0) h = h[(at + 1)..];
        else
        {
            var cut = h.LastIndexOfAny([':', ' ', '-']);
            if (cut >= 0) h = h[(cut + 1)..];
        }
        return h.Trim().ToLowerInvariant();
    }

    /// <summary>"Helen Street police office" and "Helen Street" → "helen street"; "hanley nick" → "hanley".</summary>
    public static string NormaliseStation(string station)
    {
        var s = station.Trim();
        while (StationSuffix().Match(s) is { Success: true } m) s = s[..m.Index];
        return string.Join(' ', AccountText.Tokenise(s).Select(t => t.Folded));
    }

    private static (HashSet<string> Surnames, HashSet<string> FirstNames, HashSet<string> FullNames) NameParts(IEnumerable<string?> names)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        var firsts = new HashSet<string>(StringComparer.Ordinal);
        var fulls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            var words = AccountText.Tokenise(name).Select(t => t.Folded).Where(w => w.Length > 1 && !Lexicon.RankWords.Contains(w) && !w.All(char.IsDigit)).ToList();
            if (words.Count == 0) continue;
            if (words.Count >= 2)
            {
                surnames.Add(words[^1].ToUpperInvariant());
                firsts.Add(Canonical(words[0]));
                fulls.Add($"{Canonical(words[0])} {words[^1].ToUpperInvariant()}");
            }
            else if (Lexicon.FirstNames.Contains(words[0]) || Lexicon.Nicknames.Contains(words[0]))
                firsts.Add(Canonical(words[0]));
            else
                surnames.Add(words[0].ToUpperInvariant());
        }
        return (surnames, firsts, fulls);
    }

    /// <summary>Short forms fold to the full name, so "Stu" and "Stuart" meet.</summary>
    private static string Canonical(string first)
    {
        foreach (var (full, shorts) in Lexicon.ShortForms)
            if (shorts.Contains(first)) return full.ToUpperInvariant();
        return first.ToUpperInvariant();
    }

    internal static string ForceName(string code) => ForceDirectory.NameOf(code);
}

