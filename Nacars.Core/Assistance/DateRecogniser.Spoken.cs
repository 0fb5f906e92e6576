using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

internal static partial class DateRecogniser
{
    private const string MonthName = @"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";

    /// <summary>Dates and times as people say them: "the 22nd", "the 9th o March", "before 10", "aboot 8 the night",
    /// "6ish", "12.30", "for weeks", "all weekend", "every shift", "that same night", "02/09".</summary>
    [GeneratedRegex(@"\bthe\s+\d{1,2}(?:st|nd|rd|th)(?:\s+(?:o|of)\s+" + MonthName + @")?(?:\s+in\s+the\s+(?:morning|evening|afternoon|night))?\b"
        + @"|\b(?:before|by|about|around|aboot|near|after|at|till|until|from|gone)\s+(?:half\s+|quarter\s+(?:past|to)\s+)?\d{1,2}(?:[.:]\d{2})?(?:ish)?(?:\s+(?:in\s+the\s+(?:morning|mornin|evening|night|afternoon)|the\s+night|noo|the\s+morn))?\b"
        + @"|\b\d{1,2}ish\b|\b\d{1,2}[.:][0-5]\d\b"
        + @"|\b(?:for|since)\s+(?:at\s+least\s+|about\s+|over\s+|nearly\s+|almost\s+|the\s+last\s+|the\s+past\s+)?(?:weeks|months|years|ages|a\s+(?:week|month|year|fortnight)|(?:a\s+)?(?:few|couple\s+of)\s+(?:days|weeks|months|years)|(?:two|three|four|five|six|\d{1,2})\s+(?:weeks|months|years))\b"
        + @"|\ball\s+(?:year|weekend|day|night|week|month|summer|winter)\b|\bevery\s+shift\b|\bmost\s+(?:evenings|nights|mornings|days|weekends|weeks)\b|\bat\s+all\s+hours\b"
        + @"|\b(?:that|the\s+same|same|next|later\s+that|that\s+same|the\s+next|the\s+following)\s+(?:night|day|morning|evening|afternoon|week)\b"
        + @"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Spoken();

    /// <summary>Spoken dates, less sure than the patterns above, so they give way to them and to anything else on overlap.
    /// "at 12 Aylestone Drive" is an address and "£12.50" money, not times.</summary>
    private static void FindSpoken(string text, List<Candidate> into)
    {
        foreach (Match m in Spoken().Matches(text))
        {
            if (m.Index > 0 && text[m.Index - 1] is '£' or '$' or '€' or '/' or '.') continue;
            var after = text.AsSpan(m.Index + m.Length).TrimStart(' ');
            if (after.Length > 0 && (char.IsUpper(after[0]) || after.StartsWith("%")) && char.IsDigit(m.Value[^1])) continue;
            into.Add(new Candidate(EntityKinds.Date, m.Index, m.Length, "a date or time as people say it", Candidate.PriorityOf(EntityKinds.Date) - 3));
        }
    }
}
