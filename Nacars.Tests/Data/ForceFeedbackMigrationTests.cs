using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Nacars.Tests.Data;

/// <summary>The migration that makes the outbox take one message per Message-ID, on a real database file that holds what
/// several instances could leave before it: the same daily summary queued twice. The first is kept, the schema
/// upgrades, and the index then refuses a second.</summary>
public class ForceFeedbackMigrationTests(ForceFeedbackMigrationTests.App app) : IClassFixture<ForceFeedbackMigrationTests.App>
{
    public sealed class App : WorkbenchFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_daily_summary_queued_twice_before_the_upgrade_is_kept_once_and_the_upgrade_goes_through()
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var previous = migrations[migrations.FindIndex(m => m.EndsWith("_ForceFeedback", StringComparison.Ordinal)) - 1];
        await migrator.MigrateAsync(previous, Ct);
        const string summary = "daily-summary-20261205-0123456789ab@nacars.crimestoppers-uk.example";
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        foreach (var (id, at) in new[] { (first, "2026-12-06 07:00:00"), (second, "2026-12-06 07:00:01") })
            await RawSql.ExecuteAsync(db, $"""
                INSERT INTO OutboxMessages (Id, "To", Subject, Body, MessageId, State, Attempts, CreatedAtUtc, NextAttemptAtUtc)
                VALUES ('{id.ToString().ToUpperInvariant()}', 'supervisors@example.org', 'NACARS daily summary', 'body', '{summary}', 'Sent', 1, '{at}', '{at}')
                """);

        await migrator.MigrateAsync(cancellationToken: Ct);

        var kept = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageId == summary).Select(m => m.Id).ToListAsync(Ct);
        Assert.Equal([first], kept);
        await Assert.ThrowsAnyAsync<Exception>(() => RawSql.ExecuteAsync(db, $"""
            INSERT INTO OutboxMessages (Id, "To", Subject, Body, MessageId, State, Attempts, CreatedAtUtc, NextAttemptAtUtc, AutoSubmitted)
            VALUES ('{Guid.NewGuid().ToString().ToUpperInvariant()}', 'x@example.org', 's', 'b', '{summary}', 'Queued', 0, '2026-12-06 08:00:00', '2026-12-06 08:00:00', 1)
            """));
    }
}
