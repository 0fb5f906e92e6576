using System.Text;
using MimeKit;

namespace Nacars.Tests.ForceFeedback;

/// <summary>Real MIME bytes for the mail tests: literal messages as a mail server stores them, and messages built with
/// MimeKit as a force's mail client would send them.</summary>
internal static class TestMail
{
    /// <summary>The Message-ID the service gave a report (its dissemination's id, "N" format, at its domain).</summary>
    public const string ReportId = "0123456789abcdef0123456789abcdef@nacars.example";
    public const string ReplyText = "Received and recorded as crime 46/12345/26.\nOfficer in charge: PC 1234.";

    /// <summary>A literal message, each line ended with CRLF as on the wire.</summary>
    public static byte[] Raw(string message) => Encoding.UTF8.GetBytes(message.ReplaceLineEndings("\r\n"));

    public static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    /// <summary>A force's answer to a report, in its thread, with a text body and these files attached.</summary>
    public static byte[] Reply(params (string Name, byte[] Content)[] files)
    {
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Kent Police Intelligence", "Intel.Unit@Kent.Police.UK"));
        message.To.Add(new MailboxAddress("NACARS", "replies@nacars.example"));
        message.Subject = "RE: NACARS information report NAC-7K2M-Q9XD";
        message.MessageId = "reply-42@kent.police.uk";
        message.InReplyTo = ReportId;
        message.References.Add("first@nacars.example");
        message.References.Add(ReportId);
        message.Date = new DateTimeOffset(2026, 11, 3, 14, 5, 0, TimeSpan.Zero);
        var body = new BodyBuilder { TextBody = ReplyText };
        foreach (var (name, content) in files) body.Attachments.Add(name, content);
        message.Body = body.ToMessageBody();
        return Bytes(message);
    }

    /// <summary>Bytes that are the same on every run.</summary>
    public static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
