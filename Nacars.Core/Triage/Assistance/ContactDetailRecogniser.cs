using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Nacars.Core.Triage.Assistance;

/// <summary>Phone numbers, email addresses and social media handles.</summary>
internal static partial class ContactDetailRecogniser
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // A run that could be a phone number: starts with +, 0 or a bracket, then digits with spaces, dots, hyphens or
    // brackets between. libphonenumber then decides; its own scanner is slow on long text and, at POSSIBLE leniency,
    // takes any four digits for a number.
    [GeneratedRegex(@"(?<![\w+])(?:\+|00|\(0|0)[\d ().\-]{8,20}\d(?!\w)")]
    private static partial Regex PhoneRun();

    // @handle not inside an email; or a platform name then the handle ("snap: wayne.a.1954", "insta @x", "IG - x").
    [GeneratedRegex(@"(?<![\w@.])@(?<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])")]
    private static partial Regex AtHandle();

    [GeneratedRegex(@"\b(?<p>snap(?:chat)?|sc|insta(?:gram)?|ig|tiktok|tik\s?tok|tt|twitter|telegram|kik|threads)\s*(?:name|handle|account|acc|id)?\s*(?:[:\-–=]|is|was)\s*@?(?<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PlatformHandle();

    public static void Find(string text, List<Candidate> into)
    {
        var hasAt = text.Contains('@');
        if (hasAt) foreach (Match m in Email().Matches(text))
            into.Add(new Candidate(EntityKinds.Email, m.Index, m.Length, "looks like an email address", Candidate.PriorityOf(EntityKinds.Email)));

        foreach (Match m in PhoneRun().Matches(text))
        {
            var raw = m.Value.TrimEnd('.', ')', '-', ' ');
            if (raw.Count(char.IsDigit) is < 10 or > 13) continue;
            if (ToE164(raw) is null) continue;
            // A leading "(" that belongs to the number stays; one that opens a remark does not.
            into.Add(new Candidate(EntityKinds.Phone, m.Index, raw.Length, "a UK phone number (libphonenumber: possible number)", Candidate.PriorityOf(EntityKinds.Phone)));
        }

        if (hasAt) foreach (Match m in AtHandle().Matches(text))
        {
            var handle = m.Groups["h"].Value;
            if (handle.All(char.IsDigit)) continue;
            into.Add(new Candidate(EntityKinds.Handle, m.Index, m.Length, "an @handle", Candidate.PriorityOf(EntityKinds.Handle)));
        }

        foreach (Match m in PlatformHandle().Matches(text))
        {
            var handle = m.Groups["h"].Value;
            // "insta is private" is not a handle: a handle has a digit, dot or underscore, or follows a colon/@.
            var marked = m.Value.Contains(':') || m.Value.Contains('@') || handle.Any(c => char.IsDigit(c) || c is '.' or '_');
            if (!marked || handle.Length < 3) continue;
            into.Add(new Candidate(EntityKinds.Handle, m.Index, m.Length, $"a {m.Groups["p"].Value} handle", Candidate.PriorityOf(EntityKinds.Handle)));
        }
    }

    /// <summary>A UK (or international, when written with +) number in E.164, or null when it cannot be one.</summary>
    public static string? ToE164(string raw)
    {
        try
        {
            var number = Phones.Parse(raw, "GB");
            if (!Phones.IsPossibleNumber(number)) return null;
            var national = number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (number.CountryCode == 44 && national.Length is < 9 or > 10) return null;
            return Phones.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
