namespace Nacars.Core.Contacts;

/// <summary>The behaviours the service covers: the five public ones (and "other") plus the national
/// corruption-intelligence categories analysts may add. Codes are stable slugs (used by the public form).</summary>
public static class Categories
{
    public sealed record Category(string Code, string Label, bool Public);

    public static readonly IReadOnlyList<Category> All =
    [
        new("money-or-favours", "Money or favours for information or influence", true),
        new("personal-advantage", "Using their position for personal advantage", true),
        new("sexual-purpose", "Crossing professional boundaries / abuse of position for a sexual purpose", true),
        new("partner-abuse", "Abusing or controlling a partner", true),
        new("hate-conduct", "Racist, homophobic, misogynistic or disablist conduct", true),
        new("other", "Other wrongdoing", true),
        new("infiltration", "Infiltration", false),
        new("disclosure-of-information", "Disclosure of information", false),
        new("perverting-justice", "Perverting the course of justice", false),
        new("sexual-misconduct", "Sexual misconduct", false),
        new("drugs", "Drugs", false),
        new("theft-and-fraud", "Theft and fraud", false),
        new("misuse-of-systems", "Misusing force systems", false),
        new("abuse-of-authority", "Abuse of authority", false),
        new("inappropriate-association", "Inappropriate association", false),
        new("vulnerability", "Vulnerability", false),
        new("aiding-an-offender", "Aiding an offender", false),
    ];

    public static IEnumerable<Category> Public => All.Where(c => c.Public);

    public static bool IsKnown(string code) => All.Any(c => c.Code == code);

    /// <summary>The codes once each, or a refusal naming the first the service does not use.</summary>
    public static IReadOnlyList<string> Checked(IEnumerable<string> codes)
    {
        var distinct = codes.Distinct().ToList();
        if (distinct.FirstOrDefault(c => !IsKnown(c)) is { } unknown) throw new DomainRuleException($"'{unknown}' is not a category the service uses.");
        return distinct;
    }

    public static string LabelOf(string code) => All.FirstOrDefault(c => c.Code == code)?.Label ?? code;
}
