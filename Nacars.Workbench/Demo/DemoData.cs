using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Intake;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Demo;

/// <summary>Development only: the demo accounts and a dozen realistic, entirely fictional contacts across forces
/// and statuses, so a trainee sees a working queue on first run.</summary>
public sealed class DemoData(UserManager<NacarsUser> users, Features.Admin.StaffAccounts accounts, IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock, Core.Assistance.ContactIdentifiers identifiers,
    DemoHistory history, Microsoft.Extensions.Options.IOptions<Nacars.Core.NacarsOptions> options)
{
    public const string Password = "Kettle-Orchard-Demo-57";

    public static readonly (string Email, string Name, string Role)[] Users =
    [
        ("callhandler@demo.nacars.test", "Casey Handler", Roles.CallHandler),
        ("analyst@demo.nacars.test", "Alex Analyst", Roles.Analyst),
        ("analyst2@demo.nacars.test", "Sam Analyst", Roles.Analyst),
        ("supervisor@demo.nacars.test", "Jo Supervisor", Roles.Supervisor),
        ("admin@demo.nacars.test", "Pat Admin", Roles.Admin),
        ("admin2@demo.nacars.test", "Lee Admin", Roles.Admin), // a second administrator approves Supervisor and Admin grants
    ];

    public async Task SeedAsync()
    {
        foreach (var (email, name, role) in Users)
            if (await users.FindByEmailAsync(email) is null) await accounts.CreateFromCommandLineAsync(email, name, Password, [role]);

        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Contacts.AnyAsync()) return;
        await history.SeedAsync(options.Value.Demo.HistoryMonths);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var sample in SampleReports.All.Select((s, i) => (s, i)))
        {
            var r = sample.s;
            var contact = Contact.Receive(Reference.NewReference(), r.Channel, now.AddHours(-r.HoursAgo), new ReportedFacts
            {
                Account = r.Account, Categories = r.Categories, ForceCode = r.Force,
                Subject = new SubjectDetails(r.SubjectName, r.SubjectRole, null, r.Workplace),
                WhenHappened = r.When, WhereHappened = r.Where, HowKnown = r.HowKnown, ImmediateDanger = r.Danger,
                Reporter = r.ContactPhone is null ? ReporterDetails.Anonymous : new ReporterDetails(false, "Demo Reporter", r.ContactPhone, null, true),
                Call = r.Channel == Channel.Telephone ? new CallDetails(now.AddHours(-r.HoursAgo - 0.2), true, false, "callhandler@demo.nacars.test") : null,
            }, FollowUpCode.Hash(FollowUpCode.New()));
            var analyst = "analyst@demo.nacars.test";
            switch (r.Outcome)
            {
                case ContactStatus.InTriage:
                    contact.Claim(analyst, now.AddHours(-r.HoursAgo + 0.1));
                    contact.Tick(ThresholdCheck.CorroborableDetail, true, analyst, now.AddHours(-r.HoursAgo + 0.2));
                    break;
                case ContactStatus.NotDisseminated:
                    contact.Claim(analyst, now.AddHours(-r.HoursAgo + 0.1));
                    contact.DecideNotToDisseminate(NotDisseminatedReason.PersonalComplaint,
                        "Signposted to the force's professional standards department and the IOPC.", analyst, now.AddHours(-r.HoursAgo + 1));
                    break;
            }
            db.Contacts.Add(contact);
        }
        await identifiers.KeepInStepAsync(db);
        await db.SaveChangesAsync();
    }
}
