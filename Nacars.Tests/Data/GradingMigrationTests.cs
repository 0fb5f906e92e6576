using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Triage;
using Nacars.Tests.Intake;

namespace Nacars.Tests.Data;

/// <summary>Gradings saved with the old codes (source A/B/C, information 1–5 in 5x5x5 wording) read, after the migration,
/// as the College of Policing's 3x5x2 codes that mean what the analyst chose: on a real database file, through the real
/// migrations.</summary>
public class GradingMigrationTests(GradingMigrationTests.App app) : IClassFixture<GradingMigrationTests.App>
{
    public sealed class App : WorkbenchFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Analyst = "analyst@demo.nacars.test";

    [Theory]
    [InlineData("A", 1, SourceEvaluation.Reliable, IntelligenceAssessment.A)]     // 1 "known to be true without reservation"
    [InlineData("B", 2, SourceEvaluation.Untested, IntelligenceAssessment.A)]     // 2 "known personally to the source"
    [InlineData("B", 3, SourceEvaluation.Untested, IntelligenceAssessment.B)]     // 3 "not personally known but corroborated"
    [InlineData("C", 4, SourceEvaluation.NotReliable, IntelligenceAssessment.D)]  // 4 "cannot be judged"
    [InlineData("C", 5, SourceEvaluation.NotReliable, IntelligenceAssessment.E)]  // 5 "suspected to be false"
    public async Task An_old_grading_keeps_its_meaning_in_the_College_of_Policing_codes(string oldSource, int oldAssessment,
        SourceEvaluation source, IntelligenceAssessment assessment)
    {
        var submitted = await ReporterDialogueTests.ReportAsync(app);
        var triage = app.Services.GetRequiredService<TriageService>();
        await triage.ClaimAsync(submitted.Reference, Analyst, Ct);
        await triage.GradeAsync(submitted.Reference, Analyst, new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Ct);

        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var previous = migrations[migrations.FindIndex(m => m.EndsWith("_ReceiptsAndCollegeGrading", StringComparison.Ordinal)) - 1];
        // Back to the schema before the change, and the grading as an analyst saved it then.
        await migrator.MigrateAsync(previous, Ct);
        await RawSql.ExecuteAsync(db, $"UPDATE Contacts SET Grading_Source = '{oldSource}', Grading_Assessment = {oldAssessment} WHERE Reference = '{submitted.Reference}'");

        await migrator.MigrateAsync(cancellationToken: Ct);
        await app.Services.GetRequiredService<Nacars.Core.Data.ContactRowSeal>().EnsureAsync(Ct); // as start-up does after an upgrade
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Reference == submitted.Reference, Ct);
        Assert.Equal(new Grading(source, assessment, HandlingCode.P, null), contact.Grading);
        Assert.Equal($"{(int)source} · {assessment} · P", contact.Grading!.ToString());
    }
}
