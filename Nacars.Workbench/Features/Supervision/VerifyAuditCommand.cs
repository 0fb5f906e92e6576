using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Data;

namespace Nacars.Workbench.Features.Supervision;

/// <summary><c>verify-audit</c>: seals what is waiting, then recomputes the whole audit chain. Exit 0 when intact, 1 when
/// an event was changed or deleted (the first broken event is named).</summary>
public static class VerifyAuditCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var chain = services.GetRequiredService<Nacars.Core.Audit.AuditChain>();
        await chain.SealAsync();
        var result = await chain.VerifyAsync();
        await output.WriteLineAsync($"Audit trail {result.Summary}");
        return result.Intact ? 0 : 1;
    }
}
