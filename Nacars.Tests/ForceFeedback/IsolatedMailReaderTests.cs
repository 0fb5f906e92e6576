using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Nacars.Core.ForceFeedback;
using Nacars.Workbench.Hosting;
using static Nacars.Tests.ForceFeedback.TestMail;

namespace Nacars.Tests.ForceFeedback;

/// <summary>The web process never parses an email: each message is read in a separate process with a CPU, heap and time
/// limit, and whatever happens to that process is a plain "unreadable" while the service's own process is untouched.</summary>
public class IsolatedMailReaderTests
{
    private const string CouldNotBeRead = "The message could not be read safely";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IsolatedMailReader Reader(MailReadLimits? limits = null) =>
        new(NullLogger<IsolatedMailReader>.Instance, limits ?? new MailReadLimits());

    [Fact]
    public async Task A_message_read_in_the_child_is_exactly_what_it_is_in_process()
    {
        var raw = Reply(("statement.pdf", Noise(200_000, 1)), ("scene photo.jpg", Noise(50_000, 2)));
        var expected = MailParser.Parse(new MemoryStream(raw), new MailReadLimits());
        using var reader = Reader();

        var mail = await reader.ReadAsync(new MemoryStream(raw), Ct);

        // Records compare their lists by reference: the lists are compared item by item below.
        var none = (Threads: Array.Empty<string>(), Files: Array.Empty<ReadMailAttachment>());
        Assert.Equal(expected with { Threads = none.Threads, Attachments = none.Files }, mail with { Threads = none.Threads, Attachments = none.Files });
        Assert.Equal(expected.Threads, mail.Threads);
        Assert.Equal(expected.Attachments.Select(a => a.FileName), mail.Attachments.Select(a => a.FileName));
        Assert.Equal(expected.Attachments.Select(a => a.Content), mail.Attachments.Select(a => a.Content));
        Assert.Equal(ReplyText, mail.Text);
        Assert.Equal([ReportId, "first@nacars.example"], mail.Threads);
        Assert.Equal(2, mail.Attachments.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an email at all")]
    [InlineData("\u0000\u0001\u0002\u00ff binary\r\n\r\n")]
    public async Task Whatever_the_child_makes_of_a_message_is_what_the_parser_makes_of_it(string content)
    {
        var raw = Encoding.Latin1.GetBytes(content);
        using var reader = Reader();

        var inProcess = await OutcomeAsync(() => Task.FromResult(MailParser.Parse(new MemoryStream(raw), new MailReadLimits())));
        var inChild = await OutcomeAsync(() => reader.ReadAsync(new MemoryStream(raw), Ct));

        Assert.Equal(inProcess, inChild);
        Assert.DoesNotContain(CouldNotBeRead, inChild);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_refused_before_the_child_reads_it_all()
    {
        using var reader = Reader(new MailReadLimits(MaxMessageBytes: 1_024));
        var raw = Reply(("statement.pdf", Noise(4_096, 1)));

        var refused = await Assert.ThrowsAsync<UnreadableMailException>(() => reader.ReadAsync(new MemoryStream(raw), Ct));

        Assert.Equal(MailParser.TooLargeReason(1_024), refused.Message);
    }

    [Fact]
    public async Task A_child_that_runs_out_of_time_is_killed_and_the_message_is_unreadable()
    {
        // The message never ends: the child waits for the rest until the reader's clock runs out.
        var endless = new Pipe();
        await endless.Writer.WriteAsync(Encoding.ASCII.GetBytes("From: slow@example.org\r\nSubject: slow\r\n"), Ct);
        using var reader = Reader(new MailReadLimits(TimeoutSeconds: 2));
        var clock = Stopwatch.StartNew();

        var refused = await Assert.ThrowsAsync<UnreadableMailException>(() => reader.ReadAsync(endless.Reader.AsStream(), Ct));

        Assert.StartsWith(CouldNotBeRead, refused.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_message_that_exhausts_the_childs_heap_ends_only_the_child_and_is_unreadable()
    {
        // The size limit raised past the heap, as a parser bug would get round it: the child runs out of memory and dies.
        var body = new byte[40 * 1024 * 1024];
        Array.Fill(body, (byte)'a');
        for (var i = 1_000; i < body.Length; i += 1_000) body[i] = (byte)'\n';
        byte[] raw = [.. Encoding.ASCII.GetBytes("From: big@example.org\r\nSubject: big\r\nContent-Type: text/plain\r\n\r\n"), .. body];
        using var reader = Reader(new MailReadLimits(MaxMessageBytes: 64L * 1024 * 1024, HeapMegabytes: 64, TimeoutSeconds: 30));
        var clock = Stopwatch.StartNew();

        var refused = await Assert.ThrowsAsync<UnreadableMailException>(() => reader.ReadAsync(new MemoryStream(raw), Ct));

        Assert.StartsWith(CouldNotBeRead, refused.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>What a reading came to, as one comparable string: the fields read, or the reason it was unreadable.</summary>
    private static async Task<string> OutcomeAsync(Func<Task<ReadMail>> read)
    {
        try
        {
            var mail = await read();
            return $"read: {mail.MessageId}|{string.Join(",", mail.Threads)}|{mail.From}|{mail.Subject}|{mail.SentAtUtc:O}|{mail.Text}|{mail.Attachments.Count}|{mail.AttachmentsLeftOut}";
        }
        catch (UnreadableMailException e)
        {
            return "unreadable: " + e.Message;
        }
    }
}
