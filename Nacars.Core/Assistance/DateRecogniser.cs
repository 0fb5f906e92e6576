using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>Dates and times, absolute ("Friday 28 February", "02:15"), relative ("last Tuesday", "2nite", "about
/// twenty minutes ago") and recurring ("most Friday nights"). Vague adverbs (then, later, once, before) are left alone.</summary>
internal static partial class DateRecogniser
{
    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private const string FullMonth = @"(?:january|february|march|april|may|june|july|august|september|october|november|december)";
    private const string Weekday = @"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weds|thurs)";
    private const string Day = @"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?";
    private const string Year = @"(?:19[5-9][0-9]|20[0-4][0-9])";
    private const string PartOfDay = @"(?:morning|mornin|afternoon|evening|night|nite|lunchtime|lunch\s*time|teatime|dinnertime)";
    private const string Number = @"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|a\s+couple\s+of|couple\s+of|a\s+few|few|several|some|[0-9]{1,3})";
    private const string Unit = @"(?:min(?:ute)?s?|hours?|hrs?|days?|nights?|weeks?|wks?|fortnights?|months?|years?|yrs?)";
    private const string Hour = @"(?:1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private const string Approx = @"(?:(?:at\s+)?(?:about|around|approximately|approx\.?|roughly|just\s+(?:after|before|gone)|after|gone|before|since|from|till|until|by)\s+|at\s+)";
    private const string Festival = @"(?:new\s+year'?s\s+(?:eve|day)|christmas(?:\s+(?:eve|day))?|xmas|boxing\s+day|easter(?:\s+(?:sunday|monday|weekend))?|bonfire\s+night|guy\s+fawkes(?:\s+night)?|hallowe'?en|valentine'?s(?:\s+day)?|mother'?s\s+day|father'?s\s+day|(?:the\s+)?(?:may\s+|august\s+)?bank\s+holiday(?:\s+(?:monday|weekend))?|eid|diwali|ramadan|hogmanay|st\s+patrick'?s\s+day|the\s+twelfth)";
    private const string Season = @"(?:summer|winter|spring|autumn)";

    // Four groups, each small enough for the NonBacktracking engine, whose DFA reads the text once: one alternation of
    // every pattern, backtracking at each position, was many times slower on a long account (docs/performance.md).
    private const RegexOptions Linear = RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;

    [GeneratedRegex(
        // "the night of 26 February", "Friday 28 February", "4 March 2025", "on the 3rd of May"
        @"\b(?:(?:(?:on\s+)?the\s+)?(?:night|morning|evening|afternoon|weekend|day)\s+of\s+)?(?:" + Weekday + @",?\s+(?:the\s+)?)?" + Day + @"(?:\s+of)?\s+" + Month + @"\b\.?(?:,?\s+" + Year + @"\b)?"
        // "March 3rd", "Friday, March 3, 2025"
        + @"|\b(?:" + Weekday + @",?\s+)?" + Month + @"\s+(?:the\s+)?" + Day + @"\b(?:,?\s+" + Year + @"\b)?"
        // "October 2024"
        + @"|\b" + Month + @",?\s+" + Year + @"\b"
        // 14/02/2025, 14.2.25
        + @"|\b(?:3[01]|[12][0-9]|0?[1-9])[/.-](?:1[0-2]|0?[1-9])[/.-](?:[0-9]{4}|[0-9]{2})\b"
        // "since 2023", "in 2022", a bare year
        + @"|\b(?:(?:since|in|from|until|till|during|back\s+in|by|early|late|mid)\s+)?" + Year + @"\b"
        // "since October", "in January", "early March"
        + @"|\b(?:since|in|during|from|until|till|by|early|late|mid|mid-|last|this|next|through|throughout)\s+" + FullMonth + @"\b", Linear)]
    private static partial Regex AbsoluteDate();

    [GeneratedRegex(
        // "about twenty minutes ago", "An hour ago", "Two days later", "a couple of weeks later", "half an hour ago"
        @"\b(?:(?:about|around|roughly|nearly|almost|over|just\s+over|less\s+than|more\s+than|barely)\s+)?(?:" + Number + @"\s+(?:and\s+a\s+half\s+)?" + Unit + @"|half\s+an?\s+hour)(?:\s+or\s+so)?\s+(?:ago|later|before|after|earlier|back|since)\b"
        // "over the last few weeks", "the last half hour", "Over the past year"
        + @"|\b(?:(?:over|in|for|during)\s+)?the\s+(?:last|past|previous|next)\s+(?:(?:few|couple\s+of|" + Number + @")\s+)?(?:half\s+)?" + Unit + @"\b"
        // "for five minutes", "for 20 hours"
        + @"|\bfor\s+(?:about\s+|around\s+|nearly\s+|over\s+)?" + Number + @"\s+" + Unit + @"\b"
        // "within a week or so"
        + @"|\bwithin\s+(?:" + Number + @"\s+)?" + Unit + @"(?:\s+or\s+so)?\b"
        // "every couple of weeks", "Every few weeks"
        + @"|\b(?:every|evry|each|once\s+every)\s+(?:other\s+|few\s+|couple\s+of\s+|" + Number + @"\s+)" + Unit + @"\b"
        // "Three or four nights a week", "twice a month"
        + @"|\b(?:" + Number + @"|once|twice)\s+(?:or\s+(?:" + Number + @"|twice)\s+)?(?:times\s+|nights\s+|days\s+|evenings\s+|mornings\s+)?a\s+(?:day|week|month|year|night|fortnight)\b"
        // "since about the end of February", "the end of the night"
        + @"|\b(?:since\s+(?:about\s+|around\s+)?)?(?:the\s+)?(?:very\s+)?(?:end|start|beginning|middle|back\s+end)\s+of\s+(?:the\s+)?(?:" + FullMonth + @"|night|day|week|month|year|summer|winter|spring|autumn|holidays|term)\b"
        // "the first Friday of the month"
        + @"|\bthe\s+(?:first|second|third|fourth|last)\s+" + Weekday + @"\s+(?:of|in)\s+(?:the|every|each)\s+month\b", Linear)]
    private static partial Regex Duration();

    [GeneratedRegex(
        // festivals: "last xmas", "since Christmas", "New Year's Eve"
        @"\b(?:(?:since|last|this|over|at|before|after|on|by)\s+)?" + Festival + @"\b"
        // seasons: "since last summer", "Since the autumn"
        + @"|\b(?:(?:since|over|during|in|through|throughout)\s+)?(?:last|this|next|the)\s+" + Season + @"(?:\s+(?:holidays|" + Year + @"))?\b"
        + @"|\bsince\s+" + Season + @"\b"
        // "the next day", "Later the same night", "the week after"
        + @"|\b(?:later\s+)?(?:on\s+)?the\s+(?:next|same|following|previous|other)\s+(?:day|night|nite|morning|evening|afternoon|week|weekend|month|year)\b"
        + @"|\bthe\s+(?:day|night|week|weekend|month|year|morning)\s+(?:after|before)\b"
        // "last Tuesday", "saturday night", "a Sunday evening", "most Friday nights"
        + @"|\b(?:(?:last|this|next|every|evry|each|most|on|a|some|one)\s+)?" + Weekday + @"s?(?:\s+" + PartOfDay + @"s?)?\b"
        + @"|\b(?:last|this|next|every|evry|each|most|some)\s+(?:weeks?|weekends?|month|year|night|nite|morning|afternoon|evening|term|fortnight)\b"
        // single words and short phrases
        + @"|\b(?:(?:early|late|earlier|later)\s+)?(?:yesterday|today|tonight|tonite|2nite|2night|2day|tomorrow|tomoz|2moro|2morro|2morrow|tmrw|tmw|yday)(?:\s+" + PartOfDay + @")?\b"
        + @"|\b(?:late\s+)?at\s+night\b|\bovernight\b|\b(?:right|just)\s+now\b|\bas\s+we\s+speak\b|\bat\s+the\s+moment\b|\bages\s+ago\b|\byears\s+ago\b|\ba\s+while\s+(?:ago|back)\b|\bthe\s+other\s+(?:day|night|week)\b"
        + @"|\bsince\s+then\b|\bever\s+since\b"
        + @"|\b(?:at|on|over)\s+(?:the\s+)?weekends?\b|\b(?:happening|going\s+on|there|here|with\s+(?:her|him|them))\s+(?:right\s+)?now\b"
        // Welsh weekday nights and days ("nos Wener", "dydd Llun")
        + @"|\b(?:nos|dydd)\s+(?:lun|llun|fawrth|mawrth|fercher|mercher|iau|wener|gwener|sadwrn|sul)\b", Linear)]
    private static partial Regex Relative();

    [GeneratedRegex(
        // "about 4pm", "6:30pm", "approximately 02:15", "since 10pm", "gone midnight", "1930 hrs"
        @"\b" + Approx + @"?(?:[0-9]{1,2}(?:[:.][0-5][0-9])?\s*(?:am|pm|a\.m\.|p\.m\.)|[0-2]?[0-9]:[0-5][0-9](?:\s*(?:am|pm|hrs|hours))?|[0-2][0-9][0-5][0-9]\s*(?:hrs|hours)|midnight|midday|noon)\b"
        // "half four", "quarter to six", "half past ten"
        + @"|\b(?:half|quarter)\s+(?:past|to)\s+" + Hour + @"\b|\bhalf\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
        // "6 in the morning", "10 at night", "9 o'clock"
        + @"|\b" + Approx + @"?" + Hour + @"(?:\s*o'?clock)?\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight|this\s+(?:morning|evening|afternoon))\b"
        + @"|\b" + Approx + @"?" + Hour + @"\s*o'?clock\b", Linear)]
    private static partial Regex ClockTime();

    // "about 9", "about 10 and …", "probably about 11." : an hour after about/around/at only when a clock time is meant.
    [GeneratedRegex(@"\b(?:about|around|approx(?:imately)?|roughly|at|after|gone|just\s+after|just\s+before|till|until)\s+" + Hour + @"(?:ish)?(?=\s*(?:[,.;!?)]|$)|\s+(?:and|or|but|when|so|then|tonight|today|that|on|every|last|this|he|she|they|i|we|till|until)\b|\s+\w+ing\b)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex AboutHour();

    // A capitalised month alone mid-sentence ("reported her ex in January" is caught above; this catches "January was").
    [GeneratedRegex(@"(?<=[a-z,]\s)(?:January|February|April|June|July|August|September|October|November|December)\b")]
    private static partial Regex BareMonth();

    public static void Find(string text, List<Candidate> into) => Find(new AccountText(text), into);

    private static readonly HashSet<string> UnitWords = new(StringComparer.Ordinal)
    {
        "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "night", "nights", "week", "weeks", "wk", "wks",
        "fortnight", "fortnights", "month", "months", "year", "years", "yr", "yrs", "end", "start", "beginning", "middle", "first", "second",
        "third", "fourth", "half",
    };

    private static readonly HashSet<string> RelativeWords = new(StringComparer.Ordinal)
    {
        "new", "christmas", "xmas", "boxing", "easter", "bonfire", "guy", "halloween", "hallowe", "valentines", "valentine", "mothers", "fathers",
        "bank", "eid", "diwali", "ramadan", "hogmanay", "twelfth", "patricks", "summer", "winter", "spring", "autumn", "next", "same", "following",
        "previous", "other", "day", "night", "nite", "morning", "evening", "afternoon", "week", "weekend", "weekends", "month", "year", "term",
        "fortnight", "yesterday", "today", "tonight", "tonite", "2nite", "2night", "2day", "tomorrow", "tomoz", "2moro", "2morro", "2morrow",
        "tmrw", "tmw", "yday", "overnight", "now", "speak", "moment", "ago", "while", "then", "since", "nos", "dydd", "weekends",
    };

    private static readonly HashSet<string> HourWords = new(StringComparer.Ordinal)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "midnight", "midday", "noon", "half",
        "quarter", "oclock", "am", "pm",
    };

    public static void Find(AccountText account, List<Candidate> into)
    {
        var text = account.Text;
        Scan(AbsoluteDate(), account.Stretches(w => char.IsDigit(w[0]) || Lexicon.Months.Contains(w)));
        Scan(Duration(), account.Stretches(w => UnitWords.Contains(w) || Lexicon.Months.Contains(w)));
        Scan(Relative(), account.Stretches(w => RelativeWords.Contains(w) || Lexicon.Weekdays.Contains(w) || w.EndsWith("day", StringComparison.Ordinal) || w.EndsWith("days", StringComparison.Ordinal)));
        Scan(ClockTime(), account.Stretches(w => char.IsDigit(w[0]) || HourWords.Contains(w)));

        void Scan(Regex regex, List<(int Start, int Length)> stretches)
        {
            foreach (var (start, length) in stretches)
                foreach (var m in regex.EnumerateMatches(text.AsSpan(start, length)))
                {
                    var index = start + m.Index;
                    var value = text.Substring(index, m.Length);
                    if (m.Length == 0 || !Plausible(text, index, value)) continue;
                    into.Add(new Candidate(EntityKinds.Date, index, m.Length, Why(value), Candidate.PriorityOf(EntityKinds.Date)));
                }
        }
        foreach (var (start, length) in account.Stretches(w => w is "about" or "around" or "approx" or "approximately" or "roughly" or "at" or "after" or "gone" or "till" or "until" or "just"))
        for (var m = AboutHour().Match(text, start, length); m.Success; m = m.NextMatch())
        {
            // "about 10 people" is excluded by the look-ahead; "at 3" in a sentence about a clock needs a time word near.
            if (m.Value.StartsWith("at", StringComparison.OrdinalIgnoreCase) && !TimeWordNear(text, m.Index)) continue;
            into.Add(new Candidate(EntityKinds.Date, m.Index, m.Length, "an hour after 'about'/'at' (a clock time)", Candidate.PriorityOf(EntityKinds.Date) - 2));
        }
        foreach (Match m in BareMonth().Matches(text))
            into.Add(new Candidate(EntityKinds.Date, m.Index, m.Length, "a month", Candidate.PriorityOf(EntityKinds.Date) - 2));
        FindSpoken(text, into);
    }

    private static bool Plausible(string text, int index, string v)
    {
        var first = v.Split(' ', 2)[0];
        // "may", "march", "sat", "sun", "wed" in lower case are verbs or nouns, not dates.
        if (first is "may" or "march" or "mar" or "sat" or "sun" or "wed" or "jan" or "dec" or "aug" or "sept" or "sep" or "oct" or "nov" or "jun" or "jul") return false;
        if (v.Equals("May", StringComparison.Ordinal) || v.Equals("March", StringComparison.Ordinal)) return false;
        // "a Monday" etc. stand; "one Friday" stands; "some days" is caught elsewhere. "on" alone before a weekday is fine.
        // A bare year next to money or inside a longer number has been excluded by the pattern; a four-digit number
        // after a rank or 'number' is an officer's, and loses on overlap.
        if (v.Length >= 4 && char.IsDigit(v[^1]) && v[^4..].All(char.IsDigit))
        {
            var yearStart = index + v.Length - 4;
            if (yearStart > 0 && text[yearStart - 1] is '£' or '$' or '€' or ',' or '.') return false;
            var after = index + v.Length;
            if (after < text.Length && text[after] == ',' && after + 1 < text.Length && char.IsDigit(text[after + 1])) return false;
        }
        if (v.Length == 4 && v.All(char.IsDigit))
        {
            var before = text[Math.Max(0, index - 20)..index].ToLowerInvariant();
            if (before.Contains("number") || before.Contains("no.") || before.Contains("£")) return false;
        }
        return true;
    }

    private static bool TimeWordNear(string text, int position)
    {
        var window = text.AsSpan(Math.Max(0, position - 60), Math.Min(text.Length, position + 60) - Math.Max(0, position - 60));
        return window.Contains("night", StringComparison.OrdinalIgnoreCase) || window.Contains("morning", StringComparison.OrdinalIgnoreCase)
            || window.Contains("evening", StringComparison.OrdinalIgnoreCase) || window.Contains("day", StringComparison.OrdinalIgnoreCase)
            || window.Contains("o'clock", StringComparison.OrdinalIgnoreCase);
    }

    private static string Why(string value)
    {
        var v = value.ToLowerInvariant();
        if (v.Any(char.IsDigit) && (v.Contains(':') || v.Contains("am") || v.Contains("pm") || v.Contains("hrs"))) return "a clock time";
        if (v.Contains("ago") || v.Contains("later") || v.Contains("last") || v.Contains("next") || v.Contains("tonight") || v.Contains("yesterday")
            || v.Contains("tomorrow") || v.Contains("2nite") || v.Contains("2moro") || v.Contains("since")) return "a relative date or time";
        if (v.Contains("every") || v.Contains("evry") || v.Contains("most") || v.Contains(" a week") || v.Contains(" a month")) return "a recurring time";
        return "a date or time";
    }
}
