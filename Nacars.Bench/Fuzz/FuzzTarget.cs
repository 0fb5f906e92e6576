using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Intake.Attachments;
using Nacars.Workbench.Hosting;

namespace Nacars.Bench.Fuzz;

/// <summary>What the fuzzer feeds: the attachment cleaner (JPEG, PNG, WebP, PDF and the JPEGs inside PDFs) or the
/// public form's multipart reader. An input passes when it is cleaned, refused as a file, or read; anything else
/// thrown, or a run past the time limit, is a finding.</summary>
public sealed class FuzzTarget(string name, IReadOnlyList<byte[]> seeds, Func<byte[], Task> run)
{
    public string Name => name;
    public IReadOnlyList<byte[]> Seeds => seeds;
    public Task RunAsync(byte[] input) => run(input);

    public static FuzzTarget Files()
    {
        var cleaner = new AttachmentCleaner(Options.Create(new AttachmentOptions { MaxConcurrentCleans = 1 }));
        return new FuzzTarget("file", FuzzSeeds.Files(), async input =>
        {
            try
            {
                await cleaner.CleanAsync(new MemoryStream(input, writable: false), Stream.Null);
            }
            catch (AttachmentRejectedException)
            {
                // A refusal is the right answer to a bad file.
            }
        });
    }

    public static FuzzTarget Multipart(string scratchFolder)
    {
        var environment = new HostingEnvironment { ContentRootPath = scratchFolder, EnvironmentName = "Production" };
        var nacars = Options.Create(new NacarsOptions { DataRoot = scratchFolder });
        var attachments = Options.Create(new AttachmentOptions());
        var reader = new PublicFormReader(attachments, nacars, environment, new UploadSlots(attachments), new AnyToken(), NullLogger<PublicFormReader>.Instance);
        var seed = FuzzSeeds.MultipartSeed(FuzzSeeds.Files()[0]);
        return new FuzzTarget("multipart", [seed], async input =>
        {
            var context = new DefaultHttpContext();
            context.Request.Method = "POST";
            context.Request.Path = "/report";
            context.Request.ContentType = $"multipart/form-data; boundary={FuzzSeeds.Boundary}";
            context.Request.Body = new MemoryStream(input, writable: false);
            using var uploads = await reader.ReadAsync(context, mayTakeFiles: true);
            _ = context.Request.Form.Count;
        });
    }

    /// <summary>Every token valid, so the fuzzer reaches the file sections.</summary>
    private sealed class AnyToken : IAntiforgery
    {
        public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => throw new NotSupportedException();
        public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => throw new NotSupportedException();
        public Task<bool> IsRequestValidAsync(HttpContext httpContext) => Task.FromResult(true);
        public void SetCookieTokenAndHeader(HttpContext httpContext) { }
        public Task ValidateRequestAsync(HttpContext httpContext) => Task.CompletedTask;
    }
}
