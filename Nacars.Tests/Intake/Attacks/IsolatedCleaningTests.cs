using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nacars.Core.Intake.Attachments;
using Nacars.Tests.Intake.Attachments;
using Nacars.Workbench.Hosting;

namespace Nacars.Tests.Intake.Attacks;

/// <summary>Threat-model row "the cleaner itself is exploited": each file is cleaned in a separate process with a CPU,
/// heap and time limit; whatever happens to that process is a plain refusal, and the service's own process is untouched.</summary>
public class IsolatedCleaningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IsolatedAttachmentCleaner Cleaner(Action<AttachmentOptions>? configure = null)
    {
        var options = new AttachmentOptions();
        configure?.Invoke(options);
        return new IsolatedAttachmentCleaner(Options.Create(options), NullLogger<IsolatedAttachmentCleaner>.Instance);
    }

    [Fact]
    public async Task A_phone_photo_is_cleaned_in_the_child_exactly_as_in_process()
    {
        var photo = TestFiles.PhoneJpeg(640, 480);
        using var isolated = Cleaner();
        using var output = new MemoryStream();
        var cleaned = await isolated.CleanAsync(new MemoryStream(photo), output, Ct);
        var (expected, expectedBytes) = await TestFiles.CleanAsync(photo);
        Assert.Equal(expected with { Sha256 = "" }, cleaned with { Sha256 = "" });
        Assert.Equal(cleaned.Length, output.Length);
        Assert.DoesNotContain(TestFiles.Serial, System.Text.Encoding.Latin1.GetString(output.ToArray()));
        Assert.Equal(expectedBytes.Length, output.Length);
    }

    [Fact]
    public async Task A_refusal_in_the_child_is_the_same_refusal_outside_it()
    {
        using var isolated = Cleaner();
        var refused = await Assert.ThrowsAsync<AttachmentRejectedException>(() => isolated.CleanAsync(new MemoryStream(TestFiles.ObjectStreamBomb()), Stream.Null, Ct));
        Assert.Equal(AttachmentRejection.UnsafePdfStructure, refused.Reason);
        var text = await Assert.ThrowsAsync<AttachmentRejectedException>(() => isolated.CleanAsync(new MemoryStream("just some text, not a picture"u8.ToArray()), Stream.Null, Ct));
        Assert.Equal(AttachmentRejection.UnsupportedType, text.Reason);
    }

    [Fact]
    public async Task A_file_that_gets_past_every_budget_ends_only_its_own_process_and_is_refused_in_plain_words()
    {
        // The budgets turned off, as a parser bug would get round them: the child runs out of its heap or CPU time.
        using var isolated = Cleaner(o =>
        {
            o.MaxPdfUnpackedBytes = long.MaxValue;
            o.MaxPdfInflatedBytes = long.MaxValue;
            o.CleanHeapMegabytes = 256;
            o.CleanCpuSeconds = 5;
            o.CleanTimeoutSeconds = 15;
        });
        var before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<AttachmentRejectedException>(() => isolated.CleanAsync(new MemoryStream(TestFiles.ObjectStreamBomb(entries: 150_000, distinct: true)), Stream.Null, Ct));
        Assert.Equal(AttachmentRejection.CouldNotBeChecked, refused.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(Process.GetCurrentProcess().WorkingSet64 - before < 200L * 1024 * 1024);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_the_child_reads_it_all()
    {
        using var isolated = Cleaner(o => o.MaxFileBytes = 1024);
        var refused = await Assert.ThrowsAsync<AttachmentRejectedException>(() => isolated.CleanAsync(new MemoryStream(new byte[4096]), Stream.Null, Ct));
        Assert.Equal(AttachmentRejection.TooLarge, refused.Reason);
    }
}
