using System.Globalization;
using Nacars.Core.Audit;

namespace Nacars.Workbench.Features.Supervision;

/// <summary><c>verify-audit [--head SEQUENCE:SEAL]</c>: seals what is waiting, then recomputes the whole audit chain and
/// compares it with the anchor file and, when given, a head from a supervisors' daily summary. Exit 0 when intact, 1
/// when something is wrong (named), 2 when the head given cannot be read.</summary>
public static class VerifyAuditCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        AuditAnchor.Head? head = null;
        if (Array.IndexOf(args, "--head") is var at and >= 0)
        {
            var parts = at + 1 < args.Length ? args[at + 1].Split(':') : [];
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                || parts[1].Length != 64 || !parts[1].All(Uri.IsHexDigit))
            {
                await output.WriteLineAsync("--head takes SEQUENCE:SEAL as a daily summary gives it (a number, a colon, 64 hexadecimal digits).");
                return 2;
            }
            head = new AuditAnchor.Head(sequence, default, parts[1].ToLowerInvariant());
        }
        var chain = services.GetRequiredService<AuditChain>();
        await chain.SealAsync();
        var result = await chain.VerifyAsync(keptElsewhere: head);
        await output.WriteLineAsync($"Audit trail {result.Summary}");
        return result.Intact ? 0 : 1;
    }
}
