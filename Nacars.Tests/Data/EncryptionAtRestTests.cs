using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Intake;

namespace Nacars.Tests.Data;

/// <summary>The account and the reporter's details are unreadable in the database file without the key ring.</summary>
public class EncryptionAtRestTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    [Fact]
    public async Task Canary_account_and_phone_never_appear_in_the_raw_database_bytes()
    {
        const string account = "CANARY-ACCOUNT-5b1f9e officer took cash behind the station";
        const string phone = "07700 900 731";
        const string followUp = "CANARY-FOLLOWUP-88c2 more detail";
        var intake = app.Services.GetRequiredService<IntakeService>();
        var submitted = await intake.SubmitOnlineAsync(new ReportSubmission
        {
            Account = account, ForceCode = "kent", StayAnonymous = false, ContactName = "Canary Reporter",
            ContactPhone = phone, ContactEmail = "canary.reporter@example.org", ConsentToForceContact = true,
        }, TestContext.Current.CancellationToken);
        Assert.True(await intake.AddFollowUpAsync(submitted.Reference, submitted.FollowUpCode, followUp, TestContext.Current.CancellationToken));

        // Through the app the text reads back as written...
        await using (var db = await app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var stored = await db.Contacts.Include(c => c.FollowUps).SingleAsync(c => c.Reference == submitted.Reference, TestContext.Current.CancellationToken);
            Assert.Equal(account, stored.Reported.Account);
            Assert.Equal(phone, stored.Reported.Reporter.Phone);
            Assert.Equal(followUp, stored.FollowUps.Single().Text);
        }

        // ...but the file on disk holds none of it, in any encoding.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = Directory.GetFiles(app.DataRoot, "nacars.db*").SelectMany(File.ReadAllBytes).ToArray();
        Assert.NotEmpty(bytes);
        foreach (var canary in new[] { "CANARY-ACCOUNT-5b1f9e", "07700 900 731", "CANARY-FOLLOWUP-88c2", "canary.reporter@example.org", "Canary Reporter" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(canary)));
        }
        // The reference itself is not secret and is there, so the scan did read the real file.
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(submitted.Reference)));
    }
}
