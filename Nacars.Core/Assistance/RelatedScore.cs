namespace Nacars.Core.Assistance;

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
