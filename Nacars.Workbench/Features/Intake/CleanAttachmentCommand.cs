using System.Text.Json;
using Microsoft.Extensions.Options;
using Nacars.Core.Intake.Attachments;

namespace Nacars.Workbench.Features.Intake;

/// <summary>
/// <c>clean-attachment</c>: the child process <see cref="Hosting.IsolatedAttachmentCleaner"/> starts for each file. It
/// reads the upload on standard input and writes the clean copy on standard output and one JSON line on standard error
/// (the facts of the clean copy, or the reason for a refusal). It needs no database, key ring or network, and is
/// started with a CPU, memory and time limit; whatever goes wrong in it ends only it.
/// </summary>
public static class CleanAttachmentCommand
{
    public const string Name = "clean-attachment";
    public const string OptionsVariable = "NACARS_CLEAN_OPTIONS";
    public const int Refused = 3;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Outcome(CleanedAttachment? Cleaned, AttachmentRejection? Refusal);

    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter result)
    {
        var options = JsonSerializer.Deserialize<AttachmentOptions>(Environment.GetEnvironmentVariable(OptionsVariable) ?? "{}", Json) ?? new();
        options.MaxConcurrentCleans = 1;
        using var cleaner = new AttachmentCleaner(Options.Create(options));
        using var clean = new MemoryStream();
        try
        {
            var cleaned = await cleaner.CleanAsync(input, clean);
            // Only a finished copy leaves the process: nothing half-written reaches the parent.
            clean.Position = 0;
            await clean.CopyToAsync(output);
            await output.FlushAsync();
            await result.WriteLineAsync(JsonSerializer.Serialize(new Outcome(cleaned, null), Json));
            return 0;
        }
        catch (AttachmentRejectedException refused)
        {
            await result.WriteLineAsync(JsonSerializer.Serialize(new Outcome(null, refused.Reason), Json));
            return Refused;
        }
    }
}
