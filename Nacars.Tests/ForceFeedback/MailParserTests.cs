using System.IO.Pipelines;
using System.Text;
using Nacars.Core.ForceFeedback;
using static Nacars.Tests.ForceFeedback.TestMail;

namespace Nacars.Tests.ForceFeedback;

/// <summary>A message from the mailbox is hostile input: whatever arrives is read into bounded, clean fields or refused
/// as unreadable, never a crash, a hang or a path.</summary>
public class MailParserTests
{
    private static readonly MailReadLimits Limits = new();

    private static ReadMail Parse(byte[] raw, MailReadLimits? limits = null) => MailParser.Parse(new MemoryStream(raw), limits ?? Limits);

    [Fact]
    public void A_plain_text_reply_gives_its_ids_thread_sender_subject_date_and_words()
    {
        var mail = Parse(Raw($"""
            Message-ID: <reply-1@kent.police.uk>
            In-Reply-To: <{ReportId}>
            References: <first@nacars.example> <reminder-{ReportId}>
             <{ReportId}>
            From: Kent Police Intelligence <intel.unit@kent.police.uk>
            To: replies@nacars.example
            Subject:   RE: NACARS information report NAC-7K2M-Q9XD
            Date: Tue, 03 Nov 2026 14:05:00 +0000
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            Thank you, received and recorded.
            Réf 46/12345/26.

            """));

        Assert.Equal("reply-1@kent.police.uk", mail.MessageId);
        // In-Reply-To first, then References newest first, each once.
        Assert.Equal([ReportId, "reminder-" + ReportId, "first@nacars.example"], mail.Threads);
        Assert.Equal("intel.unit@kent.police.uk", mail.From);
        Assert.Equal("RE: NACARS information report NAC-7K2M-Q9XD", mail.Subject);
        Assert.Equal<DateTime?>(new DateTime(2026, 11, 3, 14, 5, 0, DateTimeKind.Utc), mail.SentAtUtc);
        Assert.Equal("Thank you, received and recorded.\nRéf 46/12345/26.", mail.Text);
        Assert.Empty(mail.Attachments);
        Assert.Equal(0, mail.AttachmentsLeftOut);
    }

    [Fact]
    public void An_html_only_reply_is_reduced_to_its_words_without_its_scripts_or_styles()
    {
        var mail = Parse(Raw("""
            From: someone@example.org
            Subject: html
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <html><head><title>Hidden title</title><style>p { color: red; }</style>
            <script>alert('stolen')</script></head>
            <body><p>Tom &amp; Jerry &lt;3 the caf&eacute;</p><div>Second&nbsp;line<br>third   line</div>
            <ul><li>one</li><li>two</li></ul><script type="text/javascript">document.write('more')</script></body></html>
            """));

        Assert.DoesNotContain("alert", mail.Text);
        Assert.DoesNotContain("stolen", mail.Text);
        Assert.DoesNotContain("document", mail.Text);
        Assert.DoesNotContain("color", mail.Text);
        Assert.DoesNotContain("Hidden title", mail.Text);
        Assert.DoesNotContain("<", mail.Text.Replace("<3", ""));
        Assert.StartsWith("Tom & Jerry <3 the café", mail.Text);
        Assert.Contains("Second line\nthird line", mail.Text);
        Assert.Contains("one\ntwo", mail.Text);
        Assert.DoesNotContain("\n\n\n", mail.Text);
    }

    [Fact]
    public void A_reply_with_two_files_gives_both_decoded_with_their_names()
    {
        var pdf = Noise(30_000, 1);
        var photo = Noise(12_345, 2);
        var mail = Parse(Reply(("statement.pdf", pdf), ("scene photo.jpg", photo)));

        Assert.Equal(ReplyText, mail.Text);
        Assert.Equal(["statement.pdf", "scene photo.jpg"], mail.Attachments.Select(a => a.FileName));
        Assert.Equal(pdf, mail.Attachments[0].Content);
        Assert.Equal(photo, mail.Attachments[1].Content);
        Assert.Equal(0, mail.AttachmentsLeftOut);
    }

    [Fact]
    public void Files_past_the_count_or_the_size_allowed_are_counted_as_left_out()
    {
        var many = Parse(Reply([.. Enumerable.Range(1, 5).Select(i => ($"page-{i}.pdf", Noise(100, i)))]), new MailReadLimits(MaxAttachments: 3));
        Assert.Equal(["page-1.pdf", "page-2.pdf", "page-3.pdf"], many.Attachments.Select(a => a.FileName));
        Assert.Equal(2, many.AttachmentsLeftOut);

        var large = Parse(Reply(("small.pdf", Noise(500, 1)), ("large.pdf", Noise(5_000, 2)), ("exact.pdf", Noise(1_000, 3))), new MailReadLimits(MaxAttachmentBytes: 1_000));
        Assert.Equal(["small.pdf", "exact.pdf"], large.Attachments.Select(a => a.FileName));
        Assert.Equal(1, large.AttachmentsLeftOut);
    }

    [Fact]
    public void A_file_name_is_never_a_path_and_long_names_and_subjects_are_cut()
    {
        var mail = Parse(Raw($"""
            From: a@example.org
            Subject: {new string('S', 600)}
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="x"

            --x
            Content-Type: text/plain

            see attached
            --x
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="../../etc/passwd"
            Content-Transfer-Encoding: base64

            aGVsbG8=
            --x
            Content-Type: application/pdf
            Content-Disposition: attachment; filename*=utf-8''C%3A%5CUsers%5Cpc%5Cstatement.pdf
            Content-Transfer-Encoding: base64

            aGVsbG8=
            --x
            Content-Type: application/pdf
            Content-Disposition: attachment; filename="{new string('x', 300)}.pdf"
            Content-Transfer-Encoding: base64

            aGVsbG8=
            --x
            Content-Type: application/pdf
            Content-Disposition: attachment; filename*=utf-8''bad%07name%00.pdf
            Content-Transfer-Encoding: base64

            aGVsbG8=
            --x
            Content-Type: application/octet-stream
            Content-Disposition: attachment
            Content-Transfer-Encoding: base64

            aGVsbG8=
            --x--
            """));

        Assert.Equal("see attached", mail.Text);
        Assert.Equal(MailParser.MaxSubjectLength, mail.Subject.Length);
        Assert.Equal(["passwd", "statement.pdf", new string('x', 96) + ".pdf", "bad name.pdf", "attachment"], mail.Attachments.Select(a => a.FileName));
        Assert.All(mail.Attachments, a => Assert.Equal("hello"u8.ToArray(), a.Content));
    }

    [Fact]
    public void A_sender_with_a_display_name_gives_only_the_address_in_lower_case()
    {
        var mail = Parse(Raw("""
            From: "SMITH, Jane (PC 1234)" <Jane.Smith@Kent.Police.UK>, other@example.org
            Subject: hello

            words
            """));
        Assert.Equal("jane.smith@kent.police.uk", mail.From);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a date at all")]
    public void A_message_without_a_readable_date_has_no_sent_time(string? date)
    {
        var mail = Parse(Raw($"""
            From: a@example.org
            Subject: no date{(date is null ? "" : "\nDate: " + date)}

            words
            """));
        Assert.Null(mail.SentAtUtc);
        Assert.Equal("words", mail.Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_message_over_the_size_limit_is_unreadable_before_it_is_parsed(bool seekable)
    {
        var raw = Reply(("statement.pdf", Noise(4_096, 1)));
        Stream input = new MemoryStream(raw);
        if (!seekable)
        {
            // A pipe, as standard input is: its length cannot be asked, only read until the limit.
            var pipe = new Pipe();
            await pipe.Writer.WriteAsync(raw, TestContext.Current.CancellationToken);
            await pipe.Writer.CompleteAsync();
            input = pipe.Reader.AsStream();
        }
        var refused = Assert.Throws<UnreadableMailException>(() => MailParser.Parse(input, new MailReadLimits(MaxMessageBytes: 1_024)));
        Assert.Equal(MailParser.TooLargeReason(1_024), refused.Message);
    }

    [Fact]
    public void Garbage_is_read_into_empty_bounded_fields_or_refused_as_unreadable_and_never_anything_else()
    {
        string[] starts = ["", "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n", "Subject: =?utf-8?B?", "Content-Type: text/html\r\n\r\n<p>&#x"];
        var random = new Random(20261103);
        for (var i = 0; i < 400; i++)
        {
            var noise = new byte[random.Next(0, 8_192)];
            random.NextBytes(noise);
            byte[] raw = [.. Encoding.ASCII.GetBytes(starts[i % starts.Length]), .. noise];
            ReadMail mail;
            try
            {
                mail = Parse(raw);
            }
            catch (UnreadableMailException)
            {
                continue;
            }
            Assert.Null(mail.MessageId);
            Assert.Empty(mail.Threads);
            Assert.Equal("", mail.From);
            Assert.Empty(mail.Attachments);
            Assert.InRange(mail.Subject.Length, 0, MailParser.MaxSubjectLength);
            Assert.InRange(mail.Text.Length, 0, ReadMail.MaxTextLength);
            Assert.DoesNotContain("\0", mail.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(mail.Subject, c => char.IsControl(c));
        }
    }

    [Fact]
    public void Two_thousand_nested_multiparts_do_not_crash_the_parser()
    {
        const int depth = 2_000;
        var message = new StringBuilder("From: deep@example.org\r\nSubject: deep\r\nMIME-Version: 1.0\r\n");
        for (var i = 0; i < depth; i++) message.Append($"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
        message.Append("Content-Type: text/plain\r\n\r\nthe bottom\r\n");
        for (var i = depth - 1; i >= 0; i--) message.Append($"--b{i}--\r\n");

        // Read with MimeKit's nesting bounded (the rest one opaque part), or refused: either way this process lives on.
        try
        {
            var mail = Parse(Encoding.ASCII.GetBytes(message.ToString()));
            Assert.Equal("deep@example.org", mail.From);
            Assert.Equal("deep", mail.Subject);
        }
        catch (UnreadableMailException) { }
    }
}
