using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>Phone numbers, email addresses and social media handles.</summary>
internal static partial class ContactDetailRecogniser
{

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

    // A username after what names one outright ("my gamertag is smogbear", "his discord: kaizen.wav", "in the server as
    // tyr3se"): no digit or underscore needed.
    [GeneratedRegex(@"\b(?:gamertag|gamer\s+tag|discord|twitch(?:\s+name)?|psn|xbox(?:\s+name)?|steam(?:\s+name)?|username|user\s+name|screen\s+name|handle|in\s+the\s+server\s+as|tiktok|insta|snap)\s*(?:is|was|:|-)\s*@?(?<h>[A-Za-z0-9_.]{3,30}[A-Za-z0-9_])\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NamedHandle();

    // A name an account goes by ("a Facebook page 'Geordie Borders'", "a Marketplace profile called Stu R", "selling
    // under the name JayW Bikes", "a discord server called brumbobby_", "in the server as tyr3se"): quoted, or the
    // capitalised or username-like words after "called", "named", "as" or "the name". A group's or a seller's name is not
    // an account's ("a WhatsApp group called 'Arpley Lads'").
    [GeneratedRegex(@"\b(?:profile|account|page|user|username|gamertag|handle)(?:'s|’s)?(?:\s+name)?\s+(?:(?:is|was)\s+)?(?:(?:called|named|as)\s+)?['""“‘](?<h>[^'""”’\n]{2,40}?)['""”’]|\b(?:profile|account|page|server|lobby|lobbies)\s+(?:called|named)\s+(?<h>[\w.]+(?:\s+[A-Z][\w.]*)?)|\b(?:in|on)\s+the\s+(?:server|game|group|chat|lobby)\s+as\s+@?(?<h>[A-Za-z0-9_.]{3,30})|\bunder\s+the\s+(?:name|username|account)\s+(?<h>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)", RegexOptions.NonBacktracking)]
    private static partial Regex ProfileName();

    // A word joined by an underscore ("stokes_r90", "newport_pcso_banter") is a username wherever it stands.
    [GeneratedRegex(@"(?<![\w@./])(?<h>[A-Za-z0-9][A-Za-z0-9.]*_[A-Za-z0-9_.]*[A-Za-z0-9])(?![\w@]|\.[A-Za-z])")]
    private static partial Regex UnderscoreHandle();

    // Lower-case words joined by dots ("kyle.r3318", "owain.p.cdf"): a username, where a web address would have a known
    // ending and a sentence a space.
    [GeneratedRegex(@"(?<![\w@./])(?<h>[a-z][a-z0-9]*(?:\.[a-z0-9]+){1,3})(?![\w@]|\.[a-z])")]
    private static partial Regex DottedHandle();

    [GeneratedRegex(@"snap|insta|\big\b|\bsc\b|tik\s?tok|\btt\b|twitter|telegram|\bkik\b|threads", RegexOptions.IgnoreCase)]
    private static partial Regex PlatformWords();

    public static void Find(string text, List<Candidate> into)
    {
        var hasAt = text.Contains('@');
        // Emails from each '@' outwards: a regex that can start at any letter read every word of a long account.
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > 0 && IsLocalChar(text[start - 1])) start--;
            while (start < at && !char.IsAsciiLetterOrDigit(text[start])) start++;
            var end = at + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.')) end++;
            while (end > at + 1 && text[end - 1] is '.' or '-') end--;
            if (start == at || end == at + 1) continue;
            var domain = text.AsSpan(at + 1, end - at - 1);
            var dot = domain.LastIndexOf('.');
            if (dot <= 0 || domain.Length - dot - 1 < 2 || domain[(dot + 1)..].ContainsAnyExcept(AsciiLetters)) continue;
            into.Add(new Candidate(EntityKinds.Email, start, end - start, "looks like an email address", Candidate.PriorityOf(EntityKinds.Email)));
        }

        foreach (Match m in PhoneRun().Matches(text))
        {
            var raw = m.Value.TrimEnd('.', ')', '-', ' ');
            if (raw.Count(char.IsDigit) is < 10 or > 13) continue;
            if (Contacts.Phones.ToE164(raw) is null) continue;
            // A leading "(" that belongs to the number stays; one that opens a remark does not.
            into.Add(new Candidate(EntityKinds.Phone, m.Index, raw.Length, "a UK phone number (libphonenumber: possible number)", Candidate.PriorityOf(EntityKinds.Phone)));
        }

        if (hasAt) foreach (Match m in AtHandle().Matches(text))
        {
            var handle = m.Groups["h"].Value;
            if (handle.All(char.IsDigit)) continue;
            into.Add(new Candidate(EntityKinds.Handle, m.Index, m.Length, "an @handle", Candidate.PriorityOf(EntityKinds.Handle)));
        }

        if (PlatformWords().IsMatch(text))
            for (var m = PlatformHandle().Match(text); m.Success; )
            {
                var handle = m.Groups["h"].Value;
                // "insta is private" is not a handle: a handle has a digit, dot or underscore, or follows a colon/@.
                var marked = m.Value.Contains(':') || m.Value.Contains('@') || handle.Any(c => char.IsDigit(c) || c is '.' or '_');
                if (marked && handle.Length >= 3)
                {
                    into.Add(new Candidate(EntityKinds.Handle, m.Index, m.Length, $"a {m.Groups["p"].Value} handle", Candidate.PriorityOf(EntityKinds.Handle)));
                    m = m.NextMatch();
                }
                // "His snap is snap: ben_x": a rejected reading may hide the real handle that starts inside it.
                else m = PlatformHandle().Match(text, m.Index + 1);
            }

        foreach (Match m in NamedHandle().Matches(text))
        {
            var h = m.Groups["h"];
            if (Lexicon.Stop.Contains(h.Value.ToLowerInvariant()) || h.Value.All(char.IsDigit)) continue;
            into.Add(new Candidate(EntityKinds.Handle, h.Index, h.Length, "a username after what names one", Candidate.PriorityOf(EntityKinds.Handle) - 1));
        }

        foreach (Match m in ProfileName().Matches(text))
        {
            var h = m.Groups["h"];
            var first = h.Value.Split(' ')[0].ToLowerInvariant();
            if (h.Length < 2 || Lexicon.Stop.Contains(first) || h.Value.All(char.IsDigit)) continue;
            into.Add(new Candidate(EntityKinds.Handle, h.Index, h.Length, "the name an account goes by", Candidate.PriorityOf(EntityKinds.Handle) - 1));
        }

        foreach (Match m in DottedHandle().Matches(text))
        {
            var last = m.Value[(m.Value.LastIndexOf('.') + 1)..];
            if (WebEndings.Contains(last) || m.Value.Length < 5 || !m.Value.Any(char.IsDigit) && m.Value.Split('.').Any(p => p.Length > 1 && Lexicon.Stop.Contains(p))) continue;
            into.Add(new Candidate(EntityKinds.Handle, m.Index, m.Length, "a username (words joined by dots)", Candidate.PriorityOf(EntityKinds.Handle) - 2));
        }

        if (text.Contains('_'))
            foreach (Match m in UnderscoreHandle().Matches(text))
                if (m.Value.Length is >= 4 and <= 30 && m.Value.Any(char.IsLetter))
                    into.Add(new Candidate(EntityKinds.Handle, m.Index, m.Length, "a username (words joined by an underscore)", Candidate.PriorityOf(EntityKinds.Handle) - 1));
    }

    private static readonly HashSet<string> WebEndings = new(StringComparer.Ordinal)
    {
        "com", "org", "net", "uk", "gov", "ac", "co", "io", "info", "biz", "me", "tv", "jpg", "jpeg", "png", "pdf", "doc", "docx", "mp4", "mov", "wav", "html", "htm",
    };

    private static readonly System.Buffers.SearchValues<char> AsciiLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';
}
