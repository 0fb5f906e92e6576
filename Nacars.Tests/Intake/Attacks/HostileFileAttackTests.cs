using System.Diagnostics;
using System.Net;
using System.Text;
using Nacars.Tests.Intake.Attachments;

namespace Nacars.Tests.Intake.Attacks;

/// <summary>
/// Threat-model rows "one upload takes the service down" and "a file carries the reporter's identity through":
/// real file bytes posted to the public form of a running Workbench process, its memory read from /proc.
/// </summary>
public class HostileFileAttackTests(RunningInstance server) : IClassFixture<RunningInstance>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> PostWithFileAsync(byte[] file, string account, string fileName)
    {
        using var client = server.Client();
        return await PublicPosts.MultipartAsync(client, "/report", "report", PublicPosts.Report(account), "Report.Files", [(file, fileName, "application/pdf")]);
    }

    [Fact]
    public async Task The_11_KB_object_stream_PDF_is_refused_within_5_s_and_memory_grows_by_less_than_200_MB()
    {
        var bomb = TestFiles.ObjectStreamBomb();
        Assert.InRange(bomb.Length, 1, 16 * 1024);
        // Warm the form once, so start-up allocations are not counted against the attack.
        using (var warm = server.Client()) await warm.GetStringAsync("/report", Ct);
        var before = server.Memory();

        var clock = Stopwatch.StartNew();
        var response = await PostWithFileAsync(bomb, "A PC at Dover takes cash from a dealer; the statement is attached.", "statement.pdf");
        clock.Stop();
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("cannot be accepted because of the way it was made", html);
        Assert.Contains("A PC at Dover takes cash from a dealer", html); // the words come back to send again
        var after = server.Memory();
        Assert.True(after.Peak - before.Peak < 200L * 1024 * 1024, $"peak memory grew by {(after.Peak - before.Peak) / 1048576} MB");
        Assert.False(server.HasExited);
    }

    [Fact]
    public async Task Fifty_parallel_10_MB_posts_without_a_token_leave_memory_within_300_MB_and_the_form_still_works()
    {
        using (var warm = server.Client()) await warm.GetStringAsync("/report", Ct);
        var before = server.Memory();
        var file = new byte[10 * 1024 * 1024];
        new Random(7).NextBytes(file);

        async Task<HttpStatusCode?> PostWithoutTokenAsync(int i)
        {
            using var client = server.Client(from: $"127.0.3.{i + 1}");
            var body = new MultipartFormDataContent
            {
                { new StringContent("report"), "_handler" },
                { new StringContent($"Flood {i}: a report with a large file and no token."), "Report.Account" },
            };
            body.Add(new ByteArrayContent(file), "Report.Files", "big.pdf");
            try
            {
                return (await client.PostAsync("/report", body, Ct)).StatusCode;
            }
            catch (HttpRequestException)
            {
                return null; // the server answered and closed the connection without reading the rest: also a refusal
            }
        }

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(PostWithoutTokenAsync));
        Assert.All(statuses, s => Assert.True(s is null or HttpStatusCode.BadRequest, $"got {s}"));
        Assert.Contains(statuses, s => s == HttpStatusCode.BadRequest);
        var after = server.Memory();
        Assert.True(after.Peak - before.Peak < 300L * 1024 * 1024, $"peak memory grew by {(after.Peak - before.Peak) / 1048576} MB");

        // And a reporter with a token still gets through with a file.
        var ok = await PostWithFileAsync(TestFiles.PhoneJpeg(), "After the flood: a PC at Dover took cash.", "photo.jpg");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task A_phones_second_picture_inside_a_PDF_leaves_no_EXIF_behind()
    {
        const string serial = "SECOND-PICTURE-SN-77Q";
        var pdf = TestFiles.TwoPicturePdf(serial);
        Assert.Contains(serial, Encoding.Latin1.GetString(pdf));

        // The cleaner the public form uses, on the attacker's bytes: what it keeps is what analysts and forces get.
        var (_, cleaned) = await TestFiles.CleanAsync(pdf);
        var raw = Encoding.Latin1.GetString(cleaned);
        Assert.DoesNotContain(serial, raw);
        Assert.DoesNotContain(TestFiles.Serial, raw);
        Assert.DoesNotContain("Exif", raw);
        Assert.DoesNotContain("MPF", raw);
        // One picture left: one start-of-image in the whole file.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(raw, "\u00FF\u00D8\u00FF"));

        // And through the running service: accepted, as the file is an ordinary photo in a PDF.
        var response = await PostWithFileAsync(pdf, "A PC at Dover took cash; a photo of it is attached.", "photo.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"files-received\"", await response.Content.ReadAsStringAsync(Ct));
    }
}
