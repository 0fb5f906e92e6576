using System.Text;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace Nacars.Core.ForceFeedback;

/// <summary>
/// Reads one raw message into a <see cref="ReadMail"/> with MimeKit. Only the Workbench's limited child process
/// (<c>read-mail</c>) and the tests call it: the web process never parses a message itself. Everything it returns is
/// bounded (text, subject, threads, the number and size of files) and clean enough to store and show (no NUL, no lone
/// surrogate, no path in a file name); what MimeKit cannot make sense of is <see cref="UnreadableMailException"/>, so
/// the message is recorded as unreadable rather than read again forever.
/// </summary>
public static class MailParser
{
    public const int MaxThreads = 50;
    public const int MaxSubjectLength = 500;
    public const int MaxFileNameLength = 100;
    /// <summary>Longer than any real Message-ID (RFC 5322 lines stop at 998). A longer one is dropped rather than cut:
    /// a cut ID matches nothing.</summary>
    public const int MaxMessageIdLength = 998;
    /// <summary>Longer than any real address (RFC 5321 allows 254); a longer one is no sender at all.</summary>
    public const int MaxAddressLength = 320;
    /// <summary>HTML read for its text: far more markup than the text kept needs, and a bound on the work.</summary>
    private const int MaxHtmlLength = 2_000_000;

    /// <summary>MimeKit's defaults suit trusted mail: 1,024 levels of nesting, each a stack frame and one more boundary
    /// compared with every line. Past this depth a part is kept as one opaque leaf instead (real mail nests under 10,
    /// forwarded chains included); the message still reads.</summary>
    private static readonly ParserOptions Hostile = new() { MaxMimeDepth = 32, MaxAddressGroupDepth = 3, RespectContentLength = false };

    /// <exception cref="UnreadableMailException">Larger than <see cref="MailReadLimits.MaxMessageBytes"/>, or not a
    /// message MimeKit can read.</exception>
    /// <summary>An out-of-office, an autoresponder or a bounce (RFC 3834's Auto-Submitted, the usual vendor headers, a
    /// delivery report): shown, but never the force's acknowledgement.</summary>
    private static bool Automatic(MimeMessage message)
    {
        var headers = message.Headers;
        if (headers[HeaderId.AutoSubmitted] is { } submitted && !submitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase)) return true;
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Auto-Response-Suppress")) return true;
        if (headers[HeaderId.Precedence]?.Trim().ToLowerInvariant() is "auto_reply" or "bulk" or "junk" or "list") return true;
        return message.Body is MultipartReport || message.Body?.ContentType.IsMimeType("multipart", "report") == true;
    }

    public static ReadMail Parse(Stream raw, MailReadLimits limits)
    {
        using var buffer = ReadAll(raw, limits.MaxMessageBytes);
        try
        {
            // Persistent: parts are read in place from the buffer rather than copied (the child's heap is small).
            using var message = MimeMessage.Load(Hostile, buffer, true);
            var (attachments, leftOut) = Attachments(message, limits);
            return new ReadMail(Id(message.MessageId), Threads(message), From(message), Subject(message.Subject),
                SentAt(message.Headers[HeaderId.Date]), Text(message), attachments, leftOut, Automatic(message));
        }
        // MimeKit's own refusal is a FormatException; anything else it throws on a message (a parser bug on input no
        // one foresaw) is as much this message's fault. Running out of memory is left to end the process.
        catch (Exception e) when (e is not (UnreadableMailException or OutOfMemoryException))
        {
            throw new UnreadableMailException("The message could not be read: its structure is broken.");
        }
    }

    /// <summary>The whole message, refused as soon as it passes the limit (never more than the limit is held).</summary>
    private static MemoryStream ReadAll(Stream raw, long maxBytes)
    {
        if (raw.CanSeek && raw.Length - raw.Position > maxBytes) throw TooLarge(maxBytes);
        var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = raw.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                buffer.Dispose();
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static UnreadableMailException TooLarge(long maxBytes) => new(TooLargeReason(maxBytes));

    /// <summary>The reason a message past <see cref="MailReadLimits.MaxMessageBytes"/> is unreadable, in the same words
    /// wherever it is refused (here, or before the reading process is fed all of it).</summary>
    public static string TooLargeReason(long maxBytes)
    {
        var limit = maxBytes >= 1024 * 1024 ? $"{maxBytes / (1024 * 1024)} MB" : $"{maxBytes} bytes";
        return $"The message is larger than the {limit} the service reads.";
    }

    /// <summary>In-Reply-To, then References from the newest (last) to the oldest: the message answered most directly
    /// comes first.</summary>
    private static List<string> Threads(MimeMessage message)
    {
        var threads = new List<string>();
        void Add(string? id)
        {
            if (threads.Count < MaxThreads && Id(id) is { } clean && !threads.Contains(clean)) threads.Add(clean);
        }
        Add(message.InReplyTo);
        var references = message.References;
        for (var i = references.Count - 1; i >= 0 && threads.Count < MaxThreads; i--) Add(references[i]);
        return threads;
    }

    private static string? Id(string? id)
    {
        if (id is null || id.Length > MaxMessageIdLength + 16) return null;
        var clean = Clean(id.Trim().Trim('<', '>').Trim(), singleLine: true);
        return clean.Length is > 0 and <= MaxMessageIdLength ? clean : null;
    }

    private static string From(MimeMessage message)
    {
        var address = message.From.Mailboxes.FirstOrDefault()?.Address;
        if (address is null || address.Length > MaxAddressLength) return "";
        return Clean(address.Trim().ToLowerInvariant(), singleLine: true);
    }

    private static string Subject(string? subject) =>
        Cut(Clean(Head(subject ?? "", 4 * MaxSubjectLength), singleLine: true).Trim(), MaxSubjectLength);

    /// <summary>The sender's clock, so only shown; null when the header is missing or not a date.</summary>
    private static DateTime? SentAt(string? date) =>
        date is not null && DateUtils.TryParse(date, out var sent) ? sent.UtcDateTime : null;

    /// <summary>The text/plain body, else the HTML body reduced to its words.</summary>
    private static string Text(MimeMessage message)
    {
        var text = message.TextBody is { } plain && !string.IsNullOrWhiteSpace(plain)
            ? Head(plain, 2 * ReadMail.MaxTextLength).ReplaceLineEndings("\n")
            : message.HtmlBody is { Length: > 0 } html ? HtmlText(html) : "";
        return Cut(Clean(text, singleLine: false).Trim(), ReadMail.MaxTextLength);
    }

    /// <summary>The words of an HTML body: data kept (entities decoded by the tokenizer), runs of white space as one
    /// space, a line break at each block and a blank line around each paragraph, and nothing of scripts, styles or
    /// the title.</summary>
    private static string HtmlText(string html)
    {
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(Head(html, MaxHtmlLength))) { DecodeCharacterReferences = true };
        HtmlTagId? hiding = null;
        while (text.Length < 2 * ReadMail.MaxTextLength && tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when hiding is { } hidden:
                    if (tag.IsEndTag && tag.Id == hidden) hiding = null;
                    break;
                case HtmlTagToken { IsEndTag: false, IsEmptyElement: false } tag when Hidden(tag.Id):
                    hiding = tag.Id;
                    break;
                case HtmlTagToken { Id: HtmlTagId.Br }:
                    text.Append('\n');
                    break;
                case HtmlTagToken tag when Block(tag.Id) is { } lines:
                    while (text.Length > 0 && !EndsWithLines(text, lines)) text.Append('\n');
                    break;
                case HtmlDataToken data when hiding is null && data.Kind == HtmlTokenKind.Data:
                    foreach (var c in data.Data)
                    {
                        if (!char.IsWhiteSpace(c)) text.Append(c);
                        else if (text.Length > 0 && text[text.Length - 1] is not (' ' or '\n')) text.Append(' ');
                    }
                    break;
            }
        }
        return Tidy(text.ToString());
    }

    private static bool Hidden(HtmlTagId id) => id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Title or HtmlTagId.NoScript
        or HtmlTagId.IFrame or HtmlTagId.NoEmbed or HtmlTagId.NoFrames;

    /// <summary>Where a block starts or ends: 1, on a line of its own (a list item, a table row, a division); 2, as a
    /// paragraph with a blank line around it; null, inline.</summary>
    private static int? Block(HtmlTagId id) => id switch
    {
        HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.TR or HtmlTagId.DT or HtmlTagId.DD => 1,
        HtmlTagId.P or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6
            or HtmlTagId.BlockQuote or HtmlTagId.Table or HtmlTagId.UL or HtmlTagId.OL or HtmlTagId.Pre or HtmlTagId.HR => 2,
        _ => null,
    };

    private static bool EndsWithLines(StringBuilder text, int lines)
    {
        if (text.Length < lines) return false;
        for (var i = 1; i <= lines; i++)
            if (text[text.Length - i] != '\n') return false;
        return true;
    }

    /// <summary>Each line trimmed, and at most one blank line between paragraphs.</summary>
    private static string Tidy(string text)
    {
        var tidy = new StringBuilder(text.Length);
        var blank = false;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                blank = tidy.Length > 0;
                continue;
            }
            if (tidy.Length > 0) tidy.Append(blank ? "\n\n" : "\n");
            tidy.Append(trimmed);
            blank = false;
        }
        return tidy.ToString();
    }

    /// <summary>The files attached (Content-Disposition: attachment), decoded, up to the count and size allowed; the
    /// rest, and attached messages (message/rfc822), are counted as left out.</summary>
    private static (List<ReadMailAttachment> Files, int LeftOut) Attachments(MimeMessage message, MailReadLimits limits)
    {
        var files = new List<ReadMailAttachment>();
        var leftOut = 0;
        foreach (var entity in message.Attachments)
        {
            if (entity is MimePart part && files.Count < limits.MaxAttachments && Decoded(part, limits.MaxAttachmentBytes) is { } content)
                files.Add(new ReadMailAttachment(FileName(part), content));
            else
                leftOut++;
        }
        return (files, leftOut);
    }

    /// <summary>Null when larger than allowed. Decoding never grows a part (base64, quoted-printable and uuencode all
    /// shrink), so the memory is bounded by the message's own size.</summary>
    private static byte[]? Decoded(MimePart part, long maxBytes)
    {
        if (part.Content is not { } content) return [];
        using var decoded = new MemoryStream();
        content.DecodeTo(decoded);
        return decoded.Length <= maxBytes ? decoded.ToArray() : null;
    }

    /// <summary>The sender's name for the file, never a path: its last segment (either slash), no control characters,
    /// at most <see cref="MaxFileNameLength"/> characters with its extension kept.</summary>
    private static string FileName(MimePart part)
    {
        var name = Clean(Path.GetFileName((part.FileName ?? "").Replace('\\', '/')), singleLine: true).Trim();
        if (name is "" or "." or "..") return "attachment";
        if (name.Length <= MaxFileNameLength) return name;
        var extension = Path.GetExtension(name);
        return extension.Length is > 1 and <= 16
            ? Cut(name, MaxFileNameLength - extension.Length).TrimEnd() + extension
            : Cut(name, MaxFileNameLength);
    }

    /// <summary>Text as it may be stored and shown: no NUL (PostgreSQL text refuses it), no lone surrogate (not valid
    /// UTF-16), no control character but line breaks and tabs in the body, and none at all in a one-line field.</summary>
    private static string Clean(string text, bool singleLine)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                clean.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c))
                clean.Append('\uFFFD');
            else if (!char.IsControl(c) || (!singleLine && c is '\n' or '\t'))
                clean.Append(c);
            else if (singleLine && c != '\0')
                clean.Append(' ');
        }
        return clean.ToString();
    }

    private static string Head(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>At most <paramref name="length"/> characters, never ending on half a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length) return text;
        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end];
    }
}
