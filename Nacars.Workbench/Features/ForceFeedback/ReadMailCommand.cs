using System.Text.Json;
using System.Text.Json.Serialization;
using Nacars.Core.ForceFeedback;

namespace Nacars.Workbench.Features.ForceFeedback;

/// <summary>
/// <c>read-mail</c>: the child process <see cref="Hosting.IsolatedMailReader"/> starts for each message. It reads the
/// raw message on standard input (no more than its limits allow) and writes one JSON line on standard output: what was
/// read, or why it could not be. It needs no database, key ring or network, and is started with a CPU, memory and time
/// limit; whatever a message does to the parser ends only this process.
/// </summary>
public static class ReadMailCommand
{
    public const string Name = "read-mail";
    public const string LimitsVariable = "NACARS_MAIL_LIMITS";
    /// <summary>The exit code of a message refused as unreadable, with its reason; a crash or a kill ends otherwise and
    /// says nothing.</summary>
    public const int Unreadable = 3;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The one line written: <c>{"mail":{…}}</c> or <c>{"unreadable":"reason"}</c>.</summary>
    public sealed record Outcome(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReadMail? Mail,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unreadable);

    public static async Task<int> RunAsync(Stream input, Stream output)
    {
        var limits = JsonSerializer.Deserialize<MailReadLimits>(Environment.GetEnvironmentVariable(LimitsVariable) ?? "{}", Json) ?? new();
        Outcome outcome;
        try
        {
            outcome = new Outcome(MailParser.Parse(input, limits), null);
        }
        catch (UnreadableMailException unreadable)
        {
            outcome = new Outcome(null, unreadable.Message);
        }
        // Written to the stream as it is serialised: the files' base64 is never held as one string as well.
        await JsonSerializer.SerializeAsync(output, outcome, Json);
        await output.WriteAsync("\n"u8.ToArray());
        await output.FlushAsync();
        return outcome.Mail is null ? Unreadable : 0;
    }
}
