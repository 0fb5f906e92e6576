using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Intake.Attachments;
using Nacars.Workbench.Hosting;

namespace Nacars.Tests.Intake.Attachments;

/// <summary>Every input the fuzzer (<c>eng/fuzz.sh</c>) ever found to crash or hang a target is replayed: a file must be
/// cleaned or refused, and a post read, each within 10 seconds.</summary>
public class FuzzRegressionTests
{
    private static string Folder([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Regressions");

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Folder(), "file-*.bin").Select(f => Path.GetFileName(f)).Order()];
    public static TheoryData<string> Posts() => [.. Directory.GetFiles(Folder(), "multipart-*.bin").Select(f => Path.GetFileName(f)).Order()];

    [Fact]
    public void The_regression_folder_holds_the_findings_and_the_known_attacks()
    {
        Assert.NotEmpty(Directory.GetFiles(Folder(), "*.bin"));
        Assert.DoesNotContain(Directory.GetFiles(Folder()), f => Path.GetFileName(f).StartsWith('.'));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_file_the_fuzzer_found_is_cleaned_or_refused_in_time(string name)
    {
        using var cleaner = new AttachmentCleaner(Options.Create(new AttachmentOptions()));
        var input = await File.ReadAllBytesAsync(Path.Combine(Folder(), name), TestContext.Current.CancellationToken);
        var ct = TestContext.Current.CancellationToken;
        var run = Task.Run(async () =>
        {
            try { await cleaner.CleanAsync(new MemoryStream(input), Stream.Null, ct); }
            catch (AttachmentRejectedException) { }
        }, ct);
        await run.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task A_post_the_fuzzer_found_is_read_in_time(string name)
    {
        var scratch = Directory.CreateTempSubdirectory("nacars-fuzz-replay").FullName;
        try
        {
            var attachments = Options.Create(new AttachmentOptions());
            var reader = new PublicFormReader(attachments, Options.Create(new NacarsOptions { DataRoot = scratch }),
                new HostingEnvironment { ContentRootPath = scratch }, new UploadSlots(attachments), new AnyToken(), NullLogger<PublicFormReader>.Instance);
            var context = new DefaultHttpContext();
            context.Request.Method = "POST";
            context.Request.Path = "/report";
            context.Request.ContentType = "multipart/form-data; boundary=----nacarsfuzzboundary";
            context.Request.Body = new MemoryStream(await File.ReadAllBytesAsync(Path.Combine(Folder(), name), TestContext.Current.CancellationToken));
            using var uploads = await reader.ReadAsync(context, mayTakeFiles: true).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.NotNull(context.Request.Form);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private sealed class AnyToken : IAntiforgery
    {
        public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => throw new NotSupportedException();
        public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => throw new NotSupportedException();
        public Task<bool> IsRequestValidAsync(HttpContext httpContext) => Task.FromResult(true);
        public void SetCookieTokenAndHeader(HttpContext httpContext) { }
        public Task ValidateRequestAsync(HttpContext httpContext) => Task.CompletedTask;
    }
}
