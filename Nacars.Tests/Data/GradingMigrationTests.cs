using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Triage;
using Nacars.Tests.Intake;

namespace Nacars.Tests.Data;

/// <summary>Gradings saved with the old letters for the source (A, B, C) read as the College of Policing's 1, 2, 3 after
/// the migration, and the stored assessment 1 to 5 as A to E: on a real database file, through the real migrations.</summary>
public class GradingMigrationTests(GradingMigrationTests.App app) : IClassFixture<GradingMigrationTests.App>
{
    public sealed class App : WorkbenchFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Analyst = "analyst@demo.nacars.test";

    [Fact]
    public async Task Old_source_letters_become_numbers_and_the_assessment_reads_as_letters()
    {
        var submitted = await ReporterDialogueTests.ReportAsync(app);
        var triage = app.Services.GetRequiredService<TriageService>();
        await triage.ClaimAsync(submitted.Reference, Analyst, Ct);
        await triage.GradeAsync(submitted.Reference, Analyst, new Grading(SourceEvaluation.Untested, IntelligenceAssessment.B, HandlingCode.P, null), Ct);

        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var previous = migrations[migrations.FindIndex(m => m.EndsWith("_ReceiptsAndCollegeGrading", StringComparison.Ordinal)) - 1];
        // Back to the schema before the change: the grading is stored as the old build stored it.
        await migrator.MigrateAsync(previous, Ct);
        Assert.Equal(("B", 2L), await StoredAsync(db, submitted.Reference));

        await migrator.MigrateAsync(cancellationToken: Ct);
        Assert.Equal(("2", 2L), await StoredAsync(db, submitted.Reference));
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Reference == submitted.Reference, Ct);
        Assert.Equal(new Grading(SourceEvaluation.Untested, IntelligenceAssessment.B, HandlingCode.P, null), contact.Grading);
        Assert.Equal("2 · B · P", contact.Grading!.ToString());
    }

    private static async Task<(string Source, long Assessment)> StoredAsync(DbContext db, string reference)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Grading_Source, Grading_Assessment FROM Contacts WHERE Reference = $r";
        var p = command.CreateParameter();
        p.ParameterName = "$r";
        p.Value = reference;
        command.Parameters.Add(p);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return (reader.GetString(0), reader.GetInt64(1));
    }
}
