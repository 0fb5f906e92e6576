using System.Text.RegularExpressions;
using Nacars.Core.Contacts;
using Nacars.Core.Forces;

namespace Nacars.Core.Triage.Assistance;

/// <summary>The identifier kinds two contacts about the same officer can share.</summary>
public static class RelatedKinds
{
    /// <summary>Collar/shoulder/warrant digits with the force: "2317|staffordshire".</summary>
    public const string Collar = "collar";
    /// <summary>Vehicle registration, upper case without spaces: "BV19RKO".</summary>
    public const string Vrm = "vrm";
    /// <summary>Phone number in E.164: "+447700900552".</summary>
    public const string Phone = "phone";
    /// <summary>Email address in lower case.</summary>
    public const string Email = "email";
    /// <summary>Social media handle in lower case without @ or platform: "tv_deals_medway".</summary>
    public const string Handle = "handle";
    /// <summary>Surname (upper case) with the station's name: "CAIRNS|helen street".</summary>
    public const string SurnameStation = "surname-station";
    /// <summary>Surname (upper case) with the force code: "PELL|met".</summary>
    public const string SurnameForce = "surname-force";
    /// <summary>First name (short forms folded to the full name) and surname with the force: "STUART PELL|met".</summary>
    public const string NameForce = "name-force";
    /// <summary>First name (upper case) with the station's name: weak alone, it adds to other evidence.</summary>
    public const string FirstNameStation = "firstname-station";
}

/// <summary>One normalised identifier. The database side keys (or HMACs) on (Kind, NormalisedValue).</summary>
public sealed record RelatedIdentifier(string Kind, string NormalisedValue);

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
                case EntityKinds.Phone when ContactDetailRecogniser.ToE164(e.Text) is { } p: set.Add(new(RelatedKinds.Phone, p)); break;
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

/// <summary>A candidate contact's match to this one: its score and why.</summary>
public sealed record RelatedMatch(string Reference, double Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Scores how likely two contacts concern the same officer from the identifiers they share. A shared collar number in
/// the same force, registration, phone, email or handle is enough alone; so is a surname with the same station or the
/// full name in the same force; a surname alone in the same force, or a first name at the same station, only adds.
/// Different digits, a different force or only a shared first name score nothing: "PC 2371" is not "PC 2317".
/// </summary>
public static class RelatedScore
{
    /// <summary>The score at or above which two contacts are shown as probably about the same officer.</summary>
    public const double Threshold = 0.75;

    private static readonly HashSet<string> CommonSurnames = new(StringComparer.Ordinal)
    {
        "SMITH", "JONES", "WILLIAMS", "TAYLOR", "BROWN", "DAVIES", "EVANS", "WILSON", "THOMAS", "JOHNSON", "ROBERTS", "ROBINSON", "THOMPSON",
        "WRIGHT", "WALKER", "WHITE", "EDWARDS", "HUGHES", "GREEN", "HALL", "LEWIS", "HARRIS", "CLARKE", "PATEL", "JACKSON", "WOOD", "TURNER",
        "MARTIN", "COOPER", "HILL", "WARD", "MORRIS", "MOORE", "CLARK", "LEE", "KING", "BAKER", "HARRISON", "MORGAN", "ALLEN", "JAMES", "SCOTT",
        "PHILLIPS", "WATSON", "DAVIS", "PARKER", "PRICE", "BENNETT", "YOUNG", "GRIFFITHS", "MITCHELL", "KELLY", "COOK", "CARTER", "RICHARDSON",
        "BAILEY", "COLLINS", "BELL", "SHAW", "MURPHY", "MILLER", "COX", "RICHARDS", "KHAN", "MARSHALL", "ANDERSON", "SIMPSON", "ELLIS", "ADAMS",
        "SINGH", "BEGUM", "WILKINSON", "FOSTER", "CHAPMAN", "POWELL", "WEBB", "ROGERS", "GRAY", "MASON", "ALI", "HUNT", "HUSSAIN", "CAMPBELL",
        "MATTHEWS", "OWEN", "PALMER", "HOLMES", "MILLS", "BARNES", "KNIGHT", "LLOYD", "BUTLER", "RUSSELL", "BARKER", "FISHER", "STEVENS",
        "JENKINS", "MURRAY", "DIXON", "HARVEY", "GRAHAM", "PEARSON", "AHMED", "FLETCHER", "WALSH", "KAUR", "GIBSON", "HOWARD", "ANDREWS",
        "STEWART", "ELLIOTT", "REYNOLDS", "SAUNDERS", "PAYNE", "FOX", "FORD", "PEARCE", "DAY", "BROOKS", "WEST", "LAWRENCE", "COLE", "ATKINSON",
        "BRADLEY", "SPENCER", "GILL", "DAWSON", "BALL", "BURTON", "O'BRIEN", "WATTS", "ROSE", "BOOTH", "PERRY", "RYAN", "GRANT", "WELLS",
        "ARMSTRONG", "FRANCIS", "REES", "HAYES", "HART", "HUDSON", "NEWMAN", "BARRETT", "WEBSTER", "HUNTER", "GREGORY", "CARR", "LOWE", "PAGE",
        "MARSH", "RILEY", "DUNN", "WOODS", "PARRY", "MACDONALD", "REID", "ROSS", "MORRISON", "PATERSON", "YOUNG", "MCDONALD", "DOHERTY", "WILSON",
    };

    /// <summary>The score for two sets of identifiers and the reasons, in the order they count.</summary>
    public static (double Score, IReadOnlyList<string> Reasons) Score(IReadOnlySet<RelatedIdentifier> a, IReadOnlySet<RelatedIdentifier> b)
    {
        var shared = a.Intersect(b).ToList();
        if (shared.Count == 0) return (0, []);
        var reasons = new List<(double Weight, string Reason)>();
        foreach (var id in shared)
        {
            var parts = id.NormalisedValue.Split('|');
            (double, string) r = id.Kind switch
            {
                RelatedKinds.Collar => (1.0, $"same collar number {parts[0]} in {RelatedIdentifiers.ForceName(parts[1])}"),
                RelatedKinds.Vrm => (1.0, $"same vehicle registration {id.NormalisedValue}"),
                RelatedKinds.Phone => (1.0, $"same phone number {id.NormalisedValue}"),
                RelatedKinds.Email => (1.0, $"same email address {id.NormalisedValue}"),
                RelatedKinds.Handle => (1.0, $"same handle @{id.NormalisedValue}"),
                RelatedKinds.SurnameStation => (CommonSurnames.Contains(parts[0]) ? 0.6 : 0.9, $"same surname {parts[0]} at {parts[1]}"),
                RelatedKinds.NameForce => (0.9, $"same name {parts[0]} in {RelatedIdentifiers.ForceName(parts[1])}"),
                // A surname in the same force is a lead, not a link: another identifier has to agree.
                RelatedKinds.SurnameForce => (CommonSurnames.Contains(parts[0]) ? 0.4 : 0.6, $"same surname {parts[0]} in {RelatedIdentifiers.ForceName(parts[1])}"),
                RelatedKinds.FirstNameStation => (0.35, $"same first name {parts[0]} at {parts[1]}"),
                _ => (0.2, $"same {id.Kind} {id.NormalisedValue}"),
            };
            reasons.Add(r);
        }
        reasons.Sort((x, y) => y.Weight.CompareTo(x.Weight));
        // The strongest reason counts whole; each further one closes a third of the remaining gap to 1.
        var score = 0.0;
        foreach (var (w, _) in reasons) score = score == 0 ? w : score + (1 - score) * Math.Min(w, 1) / 3;
        return (Math.Round(Math.Min(score, 1), 3), reasons.Select(r => r.Reason).ToList());
    }

    /// <summary>Candidates ranked by score, best first, those scoring nothing left out.</summary>
    public static IReadOnlyList<RelatedMatch> Rank(IReadOnlySet<RelatedIdentifier> contact, IEnumerable<(string Reference, IReadOnlySet<RelatedIdentifier> Identifiers)> candidates) =>
        candidates.Select(c => (c.Reference, Result: Score(contact, c.Identifiers)))
            .Where(c => c.Result.Score > 0)
            .OrderByDescending(c => c.Result.Score).ThenBy(c => c.Reference, StringComparer.Ordinal)
            .Select(c => new RelatedMatch(c.Reference, c.Result.Score, c.Result.Reasons))
            .ToList();
}
