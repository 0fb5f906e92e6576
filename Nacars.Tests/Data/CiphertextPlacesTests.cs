using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Data;
using Nacars.Core.Intake;
using Nacars.Core.Triage;
using Nacars.Tests.Intake;

namespace Nacars.Tests.Data;

/// <summary>
/// Threat-model row I6, as the insider with the database file would try it: a ciphertext copied into another column
/// must not decrypt there. The dangerous copy is a reporter's account pasted into a question, which the public
/// follow-up page shows to whoever holds that other contact's code.
/// </summary>
public class CiphertextPlacesTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    private const string Analyst = "analyst@demo.nacars.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    [Fact]
    public async Task A_reporters_account_pasted_into_another_contacts_question_does_not_decrypt_and_says_where()
    {
        var victim = await ReporterDialogueTests.ReportAsync(app, "PLACE-CANARY: I am the only cleaner at Dover custody suite who saw it.");
        var insider = await ReporterDialogueTests.ReportAsync(app, "An unrelated report whose code the insider holds.");
        var triage = app.Services.GetRequiredService<TriageService>();
        await triage.ClaimAsync(insider.Reference, Analyst, Ct);
        await triage.AskReporterAsync(insider.Reference, Analyst, "Which day was it?", 4000, Ct);

        var account = (string)(await ScalarAsync($"SELECT \"Account\" FROM \"Contacts\" WHERE \"Reference\" = '{victim.Reference}'"))!;
        await ScalarAsync($"UPDATE \"ReporterQuestions\" SET \"Text\" = '{account}' WHERE \"ContactId\" = (SELECT \"Id\" FROM \"Contacts\" WHERE \"Reference\" = '{insider.Reference}')");

        var refused = await Assert.ThrowsAsync<MisplacedCiphertextException>(() =>
            app.Services.GetRequiredService<IntakeService>().OpenDialogueAsync(insider.Reference, insider.FollowUpCode, Ct));
        Assert.Equal("ReporterQuestions.Text", refused.Place);
        Assert.DoesNotContain("PLACE-CANARY", refused.ToString());
    }

    [Fact]
    public async Task One_reporters_account_copied_over_anothers_in_the_same_column_is_refused_when_read_naming_the_contact()
    {
        var first = await ReporterDialogueTests.ReportAsync(app, "ROW-CANARY: the first reporter's own account of the sergeant.");
        var second = await ReporterDialogueTests.ReportAsync(app, "The second reporter's account, which the insider overwrites.");
        var triage = app.Services.GetRequiredService<TriageService>();
        Assert.StartsWith("ROW-CANARY", (await triage.ReloadAsync(first.Reference, Ct))!.Reported.Account);

        await ScalarAsync($"UPDATE \"Contacts\" SET \"Account\" = (SELECT \"Account\" FROM \"Contacts\" WHERE \"Reference\" = '{first.Reference}') WHERE \"Reference\" = '{second.Reference}'");
        var refused = await Assert.ThrowsAsync<MisplacedCiphertextException>(() => triage.ReloadAsync(second.Reference, Ct));
        Assert.Contains(second.Reference, refused.Place);
        Assert.DoesNotContain("ROW-CANARY", refused.ToString());
        // The untouched contact still reads; removing its seal does not make it pass unchecked.
        Assert.NotNull(await triage.ReloadAsync(first.Reference, Ct));
        await ScalarAsync($"UPDATE \"Contacts\" SET \"Seal\" = NULL WHERE \"Reference\" = '{first.Reference}'");
        await Assert.ThrowsAsync<MisplacedCiphertextException>(() => triage.ReloadAsync(first.Reference, Ct));
    }

    [Fact]
    public async Task Contacts_an_earlier_build_wrote_without_a_seal_are_sealed_once_at_start_up()
    {
        var report = await ReporterDialogueTests.ReportAsync(app, "An account written before contacts were sealed.");
        await ScalarAsync($"UPDATE \"Contacts\" SET \"Seal\" = NULL WHERE \"Reference\" = '{report.Reference}'");
        await ScalarAsync("DELETE FROM \"ProtectedSecrets\" WHERE \"Name\" = 'contact-row-seals-complete'");
        var seal = app.Services.GetRequiredService<ContactRowSeal>();
        Assert.True(await seal.EnsureAsync(Ct) >= 1);
        Assert.NotNull(await ScalarAsync($"SELECT \"Seal\" FROM \"Contacts\" WHERE \"Reference\" = '{report.Reference}'") as string);
        Assert.NotNull(await app.Services.GetRequiredService<TriageService>().ReloadAsync(report.Reference, Ct));
        Assert.Equal(0, await seal.EnsureAsync(Ct)); // once
    }

    [Fact]
    public async Task Every_encrypted_column_is_found_in_the_model_and_has_a_purpose_of_its_own()
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var columns = CiphertextPlaces.Columns(db.Model).ToList();
        Assert.Contains(columns, c => c is { Table: "Contacts", Column: "Account", Place: "Contacts.Account" });
        Assert.Contains(columns, c => c is { Table: "Contacts", Column: "Reporter_Phone", Place: "Contacts.Reporter.Phone" });
        Assert.Contains(columns, c => c is { Table: "Contacts", Column: "FlagDecisions" });
        Assert.Contains(columns, c => c is { Table: "OutboxMessages", Column: "Attachment" });
        Assert.Contains(columns, c => c is { Table: "FollowUps", Column: "Text" });
        Assert.Equal(columns.Count, columns.Select(c => c.Place).Distinct().Count());
    }

    [Fact]
    public async Task A_value_an_earlier_build_encrypted_under_the_shared_purpose_is_moved_under_its_columns_once()
    {
        var report = await ReporterDialogueTests.ReportAsync(app, "LEGACY-CANARY: an earlier build wrote this.");
        var shared = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(SensitiveData.SharedPurpose);
        await ScalarAsync($"UPDATE \"Contacts\" SET \"Account\" = '{shared.Protect("LEGACY-CANARY: an earlier build wrote this.")}' WHERE \"Reference\" = '{report.Reference}'");
        await ScalarAsync("DELETE FROM \"ProtectedSecrets\" WHERE \"Name\" = 'ciphertext-bound-to-columns'");

        await using (var db = await app.Db.CreateDbContextAsync(Ct))
            Assert.True(await CiphertextPlaces.BindAsync(db, app.Services.GetRequiredService<SensitiveData>(), Ct) >= 1);
        Assert.Equal("LEGACY-CANARY: an earlier build wrote this.", (await app.Services.GetRequiredService<TriageService>().ReloadAsync(report.Reference, Ct))!.Reported.Account);
        await using (var again = await app.Db.CreateDbContextAsync(Ct))
            Assert.Equal(0, await CiphertextPlaces.BindAsync(again, app.Services.GetRequiredService<SensitiveData>(), Ct)); // once
    }
}
