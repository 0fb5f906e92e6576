using System.Text.Encodings.Web;
using System.Text.Json;
using Nacars.Core.Contacts;

using Nacars.Core.Assistance;

namespace Nacars.Workbench.Features.Triage;

/// <summary>
/// <c>analyse-accounts</c>: reads JSON Lines (each with at least <c>id</c> and <c>account</c>; optionally
/// <c>reporter_name</c>, <c>reporter_phone</c>, <c>reporter_email</c> or a <c>reporter</c> object with name, phone and
/// email) and writes one line per input line with the entities, top-3 forces, reporter flags and hints. Offsets are
/// UTF-16 code units, as .NET strings count them. A line that cannot be read gets <c>{"id", "error"}</c>.
/// </summary>
/// <remarks>On the command line: <c>analyse-accounts --input IN.jsonl --output OUT.jsonl</c>.</remarks>
public static class AnalyseAccountsCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter console)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        if (Arg("--input") is not { } input || Arg("--output") is not { } output)
        {
            await console.WriteLineAsync("usage: analyse-accounts --input accounts.jsonl --output results.jsonl");
            return 2;
        }
        if (!File.Exists(input))
        {
            await console.WriteLineAsync($"No file {input}.");
            return 2;
        }
        using var reader = new StreamReader(input);
        await using var writer = new StreamWriter(output);
        var count = await RunAsync(reader, writer);
        await console.WriteLineAsync($"Analysed {count} accounts into {output}.");
        return 0;
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Analyses every line; returns how many accounts were analysed.</summary>
    public static async Task<int> RunAsync(TextReader input, TextWriter output, CancellationToken ct = default)
    {
        var analysed = 0;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        while (await input.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            buffer.Clear();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                string? id = null;
                try
                {
                    using var doc = JsonDocument.Parse(line);
                    var root = doc.RootElement;
                    id = root.TryGetProperty("id", out var idElement) ? idElement.ToString() : null;
                    if (!root.TryGetProperty("account", out var accountElement) || accountElement.ValueKind != JsonValueKind.String)
                        throw new FormatException("the line has no \"account\" string");
                    var assistance = AccountAnalyser.Assist(accountElement.GetString()!, ReporterOf(root));
                    Write(writer, id, assistance);
                    analysed++;
                }
                catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", id);
                    writer.WriteString("error", ex.Message);
                    writer.WriteEndObject();
                }
            }
            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), ct);
        }
        await output.FlushAsync(ct);
        return analysed;
    }

    private static ReporterDetails? ReporterOf(JsonElement root)
    {
        string? Get(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string? name = Get(root, "reporter_name"), phone = Get(root, "reporter_phone"), email = Get(root, "reporter_email");
        if (root.TryGetProperty("reporter", out var r) && r.ValueKind == JsonValueKind.Object)
        {
            name ??= Get(r, "name");
            phone ??= Get(r, "phone");
            email ??= Get(r, "email");
        }
        return name is null && phone is null && email is null ? null : new ReporterDetails(false, name, phone, email, false);
    }

    private static void Write(Utf8JsonWriter w, string? id, AccountAssistance a)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteStartArray("entities");
        foreach (var e in a.Entities)
        {
            w.WriteStartObject();
            w.WriteString("kind", e.Kind);
            w.WriteString("text", e.Text);
            w.WriteNumber("start", e.Start);
            w.WriteNumber("length", e.Length);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("forces");
        foreach (var f in a.Forces)
        {
            w.WriteStartObject();
            w.WriteString("code", f.Code);
            w.WriteString("name", f.Name);
            w.WriteNumber("score", f.Score);
            w.WriteString("why", f.Why);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("reporter_flags");
        foreach (var f in a.ReporterFlags)
        {
            w.WriteStartObject();
            w.WriteString("text", f.Text);
            w.WriteNumber("start", f.Start);
            w.WriteNumber("length", f.Length);
            w.WriteString("why", f.Why);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("hints");
        foreach (var h in a.Hints)
        {
            w.WriteStartObject();
            w.WriteString("check", h.Check);
            w.WriteString("message", h.Message);
            w.WriteString("why", h.Why);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
