using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Nacars.Core.Audit;

/// <summary>
/// The chain's head (sequence, time, MAC) written outside the database at every seal: an append-only file beside the
/// key ring by default (<see cref="NacarsOptions.AuditAnchorPath"/>), kept apart from database backups. Whoever holds
/// only the database cannot delete the newest events, or rewrite the chain, without the anchor saying so.
/// </summary>
public sealed class AuditAnchor(IOptions<NacarsOptions> options, IHostEnvironment environment)
{
    public sealed record Head(long Sequence, DateTime AtUtc, string Mac);

    private readonly Lock _writing = new();

    public string Path => options.Value.ResolvedAuditAnchorPath(environment.ContentRootPath);

    public void Append(long sequence, DateTime atUtc, string mac)
    {
        lock (_writing)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(file);
            writer.WriteLine(string.Join('\t', sequence.ToString(CultureInfo.InvariantCulture), atUtc.ToString("O", CultureInfo.InvariantCulture), mac));
            writer.Flush();
            file.Flush(flushToDisk: true);
        }
    }

    /// <summary>The newest head written, or null when none has been (a new installation, or an anchor kept elsewhere).</summary>
    /// <summary>The furthest head recorded (of equal ones, the last written).</summary>
    public Head? Latest() => Heads().Aggregate((Head?)null, (latest, head) => latest is null || head.Sequence >= latest.Sequence ? head : latest);

    /// <summary>The seal the anchor recorded for this event, when it recorded one (a restored backup's head).</summary>
    public string? SealAt(long sequence) => Heads().LastOrDefault(h => h.Sequence == sequence)?.Mac;

    private IEnumerable<Head> Heads()
    {
        if (!File.Exists(Path)) yield break;
        foreach (var line in File.ReadLines(Path))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                && DateTime.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
                yield return new Head(sequence, at, parts[2]);
        }
    }
}
