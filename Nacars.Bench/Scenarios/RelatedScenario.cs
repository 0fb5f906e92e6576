using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Data;
using Nacars.Core.Intake;
using Nacars.Core.Triage;
using Nacars.Core.Assistance;

namespace Nacars.Bench.Scenarios;

/// <summary>
/// Related contacts when the service holds many: identifier hashes for N contacts (four each, as an account about an
/// officer typically yields: collar, registration, surname and name in a force), plus a few real contacts about one
/// officer; then the lookup the contact page makes (analyse the open contact, hash its identifiers, read the index,
/// score, fetch the matches), against one raw indexed read of the same hashes.
/// </summary>
public sealed class RelatedScenario : IScenario
{
    public string Name => "related";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var services = context.Host.Services;
        var n = context.Size.SupervisionContacts;
        var seeding = Stopwatch.StartNew();
        await using (var db = await services.GetRequiredService<IDbContextFactory<NacarsDbContext>>().CreateDbContextAsync(ct))
        {
            db.Database.SetCommandTimeout(1200);
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync(ct);
            await using var cmd = conn.CreateCommand();
            // Hash rows only: the other contacts are never read (their hashes never match), so their rows are not needed.
            cmd.CommandText = $"""
                PRAGMA foreign_keys = OFF;
                WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < {n}),
                  k(kind) AS (VALUES ('rel:collar'), ('rel:vrm'), ('rel:surname-force'), ('rel:name-force'))
                INSERT INTO "ContactIdentifiers" ("ContactId", "Kind", "Hash")
                SELECT printf('%08X-0000-7000-8000-%012X', c.i, c.i), k.kind, substr(upper(hex(randomblob(16))), 1, 22) || '=='
                FROM c, k;
                PRAGMA foreign_keys = ON;
                """;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        context.Log.WriteLine($"  related: {n * 4:N0} identifier rows for {n:N0} contacts in {seeding.Elapsed.TotalSeconds:0.0} s");

        var intake = services.GetRequiredService<IntakeService>();
        var triage = services.GetRequiredService<TriageService>();
        for (var i = 0; i < 5; i++)
            await intake.SubmitOnlineAsync(new ReportSubmission
            {
                Account = $"Related bench {i}: PC 6183 Gareth Pryce at Wrexham police station sells PNC checks; his car is a blue Golf CX21 KLM.",
                ForceCode = "north-wales",
            }, ct);
        var target = await intake.SubmitOnlineAsync(new ReportSubmission
        {
            Account = "The officer with collar number 6183 at Wrexham, Gareth Pryce, drives CX21KLM and is selling information.", ForceCode = "north-wales",
        }, ct);
        var contact = (await triage.ReloadAsync(target.Reference, ct))!;
        var assistance = services.GetRequiredService<ContactAssistance>();
        var found = await assistance.RelatedAsync(contact, ct);
        if (found.Count(r => r.Probable) < 5) throw new InvalidOperationException($"The lookup found {found.Count} related contacts, not the five planted.");

        var iterations = Math.Max(3, context.Size.AssistIterations / 10);
        for (var i = 0; i < Math.Min(20, iterations); i++) await assistance.RelatedAsync(contact, ct); // warm
        var lookups = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await assistance.RelatedAsync(contact, ct);
            lookups.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
        }
        // Baseline: the same contact's hashes read from the index by hand, nothing else.
        var hasher = services.GetRequiredService<IdentifierHasher>();
        var identifiers = RelatedIdentifiers.From(contact.Reported.Account, contact.Subject, contact.ForceCode).ToList();
        var hashes = identifiers.Select(i => hasher.Hash("rel:" + i.Kind, i.NormalisedValue)).ToList();
        var kinds = identifiers.Select(i => "rel:" + i.Kind).Distinct().ToList();
        var raw = new List<double>();
        await using (var db = await services.GetRequiredService<IDbContextFactory<NacarsDbContext>>().CreateDbContextAsync(ct))
            for (var i = 0; i < iterations; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await db.ContactIdentifiers.AsNoTracking().Where(x => kinds.Contains(x.Kind) && hashes.Contains(x.Hash)).Select(x => x.ContactId).ToListAsync(ct);
                raw.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
            }
        var p95 = Stats.Percentile(lookups, 0.95);
        var baseP95 = Stats.Percentile(raw, 0.95);
        return new ScenarioResult(Name, $"related-contacts lookup among {n:N0} contacts ({n * 4:N0} identifier hashes) (ms)",
            new() { ["p50_ms"] = Stats.Percentile(lookups, 0.5), ["p95_ms"] = p95, ["found"] = found.Count },
            new() { ["index_read_p95_ms"] = baseP95 }, baseP95 > 0 ? Math.Round(p95 / baseP95, 2) : null, "p95 <= 50 ms", p95 <= 50,
            "Lookup = analyse the open contact's account, hash its identifiers with the service key, one read of the (kind, hash, contact) index, score, fetch the matches.");
    }
}
