using System.Globalization;
using Nacars.Core.Contacts;
using Nacars.Core.Triage;

namespace Nacars.Workbench.Features.Triage;

/// <summary>What the queue's search form holds, and its two translations: to a <see cref="QueueFilter"/>, and to the
/// address (without the subject's number or surname: personal data never goes into a URL).</summary>
public sealed class QueueSearchFields
{
    public StatusFilter Status { get; set; }
    public string Force { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Urgent { get; set; } = "";
    public string AnalystId { get; set; } = "";
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Reference { get; set; }
    public string? SubjectNumber { get; set; }
    public string? SubjectSurname { get; set; }

    /// <summary>Takes the filters from the address; anything unrecognised is left out rather than guessed.</summary>
    public void ReadAddress(string? status, string? force, string? channel, string? urgent, string? knownAnalystId, string? from, string? to, string? reference)
    {
        Status = Enum.TryParse<StatusFilter>(status, true, out var s) ? s : StatusFilter.Open;
        Force = force ?? "";
        Channel = channel is "Online" or "Telephone" ? channel : "";
        Urgent = urgent is "yes" or "no" ? urgent : "";
        AnalystId = knownAnalystId ?? "";
        From = DateOnly.TryParse(from, CultureInfo.InvariantCulture, out var f) ? f : null;
        To = DateOnly.TryParse(to, CultureInfo.InvariantCulture, out var t) ? t : null;
        Reference = reference;
    }

    public QueueFilter ToFilter(string? analystUserName) => new(
        Status,
        Force == "" ? null : Force,
        Channel == "" ? null : Enum.Parse<Channel>(Channel),
        Urgent switch { "yes" => true, "no" => false, _ => null },
        From, To,
        analystUserName,
        Trimmed(Reference),
        Trimmed(SubjectNumber),
        Trimmed(SubjectSurname));

    /// <summary>The query parameters for the address; null removes one.</summary>
    public Dictionary<string, object?> ToAddress() => new()
    {
        ["status"] = Status == StatusFilter.Open ? null : Status.ToString(),
        ["force"] = Force == "" ? null : Force,
        ["channel"] = Channel == "" ? null : Channel,
        ["urgent"] = Urgent == "" ? null : Urgent,
        ["analyst"] = AnalystId == "" ? null : AnalystId,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ref"] = Trimmed(Reference),
    };

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
