using Microsoft.EntityFrameworkCore;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.ForceFeedback;
using Nacars.Core.Forces;
using Nacars.Core.Intake;

namespace Nacars.Workbench.Demo;

/// <summary>
/// Development only: months of fictional, already-decided contacts behind the demo queue, so the supervisor's charts,
/// the force × month grid and the heatmap show what they are for on first run. Volumes follow the pilot's shape: about
/// 43 a month for the Met (131 in the launch month, 30 at the lowest), other forces in proportion to their size, and
/// about 35% disseminated, and two contacts left undecided for over a year (the supervisor's yearly review). Each send
/// is delivered to the force's demo mailbox and most are acknowledged within the force's office hours; some are past
/// their reminder, and about half the older ones have an outcome, so the acknowledgement table and each force's monthly
/// pack have something to show. Made with a fixed seed through the aggregates' own methods, so the figures are consistent.
/// </summary>
public sealed class DemoHistory(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock, Core.Assistance.ContactIdentifiers identifiers)
{
    private const string Analyst = "analyst@demo.nacars.test", Analyst2 = "analyst2@demo.nacars.test";

    /// <summary>Each force's share of the Met's volume (roughly its officers'); forces not named get the default.</summary>
    private static readonly Dictionary<string, double> Size = new()
    {
        ["met"] = 1.0, ["greater-manchester"] = 0.24, ["west-midlands"] = 0.22, ["west-yorkshire"] = 0.19, ["scotland"] = 0.5,
        ["thames-valley"] = 0.15, ["merseyside"] = 0.12, ["psni"] = 0.2, ["hampshire"] = 0.12, ["kent"] = 0.12, ["essex"] = 0.11,
        ["lancashire"] = 0.1, ["northumbria"] = 0.1, ["south-yorkshire"] = 0.1, ["avon-and-somerset"] = 0.1, ["devon-and-cornwall"] = 0.1,
        ["sussex"] = 0.09, ["btp"] = 0.1, ["mod"] = 0.05, ["cnc"] = 0.03, ["city-of-london"] = 0.03, ["unknown"] = 0,
    };

    /// <summary>The Met's volume month by month from launch, as a share of a usual month (43).</summary>
    private static readonly double[] Shape = [3.05, 1.9, 1.35, 1.1, 1.0, 0.95, 0.7, 0.85, 1.0, 1.05, 0.95, 1.0, 1.05];

    private static readonly string[] Accounts =
    [
        "An officer at the local station has been taking money from a car dealer to make paperwork go away.",
        "A PC keeps messaging a young woman he met while dealing with her burglary, asking to meet her off duty.",
        "A sergeant has been looking people up on the police computer for a friend who collects debts.",
        "An officer made racist remarks about a family during a visit and then laughed about it with a colleague.",
        "A detective is said to be warning a drugs gang before raids in return for cash.",
        "A PCSO has been taking goods from a shop without paying and telling the owner it is 'for the team'.",
        "An officer's partner says he controls her money and phone and threatens her with his job.",
        "I want to complain that the officer who stopped me was rude and the case is taking too long.",
    ];

    public async Task SeedAsync(int months)
    {
        if (months <= 0) return;
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(2026);
        var forces = ForceDirectory.Entries.Where(f => f.Code != Contact.UnknownForce).Select(f => f.Code).ToList();
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var mailboxes = await db.Forces.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.NominatedMailbox ?? "");
        var officeHours = new Dictionary<string, WorkingTime>();
        foreach (var force in forces) officeHours[force] = await BankHolidayCalendar.OfficeHoursAsync(db, force, CancellationToken.None);
        var batch = 0;
        for (var m = 0; m < Math.Min(months, Shape.Length); m++)
        {
            var start = thisMonth.AddMonths(m - months + 1);
            var days = DateTime.DaysInMonth(start.Year, start.Month);
            foreach (var force in forces)
            {
                var expected = 43 * Shape[m] * Size.GetValueOrDefault(force, 0.05);
                var count = (int)Math.Floor(expected + random.NextDouble());
                for (var i = 0; i < count; i++)
                {
                    var received = start.AddDays(random.NextDouble() * days);
                    if (received > now.AddDays(-2)) continue; // the last two days are the open queue's
                    var contact = Decided(random, force, received);
                    db.Contacts.Add(contact);
                    if (contact.Status == ContactStatus.Disseminated) Answered(db, random, contact, mailboxes[force], officeHours[force], now);
                    if (++batch % 250 != 0) continue;
                    await identifiers.KeepInStepAsync(db);
                    await db.SaveChangesAsync();
                }
            }
        }
        // Two contacts nobody decided, from over a year ago: the supervisor's yearly review has something to show.
        if (months > 12)
        {
            foreach (var (force, daysAgo, claimedBy) in new[] { ("kent", 380, (string?)Analyst2), ("met", 395, null) })
            {
                var received = now.AddDays(-daysAgo);
                var waiting = Contact.Receive(Reference.NewReference(), Channel.Online, received,
                    new ReportedFacts { Account = Accounts[daysAgo % Accounts.Length], Categories = [Categories.Public.First().Code], ForceCode = force },
                    FollowUpCode.Hash(FollowUpCode.New()));
                if (claimedBy is not null) waiting.Claim(claimedBy, received.AddDays(2));
                db.Contacts.Add(waiting);
            }
        }
        await identifiers.KeepInStepAsync(db);
        await db.SaveChangesAsync();
    }

    /// <summary>The send of a disseminated contact, as the relay and the force would have left it.</summary>
    private static void Answered(NacarsDbContext db, Random random, Contact contact, string mailbox, WorkingTime officeHours, DateTime now)
    {
        var sentAt = contact.DecidedAtUtc!.Value;
        var send = new Core.Dissemination.DisseminationRecord(Guid.CreateVersion7(sentAt), contact.Id, contact.Reference, contact.ForceCode, mailbox, sentAt,
            contact.DecidedBy!, null, contact.ReceivedAtUtc);
        send.Delivered(sentAt.AddSeconds(20 + random.Next(40)));
        db.Disseminations.Add(send);
        var answeredAt = officeHours.Add(sentAt, TimeSpan.FromHours(contact.Urgent ? random.NextDouble() * 3 : random.NextDouble() * 22));
        if (random.NextDouble() < 0.85 && answeredAt < now) send.Acknowledge(answeredAt, officeHours);
        else if (sentAt < now.AddDays(-4)) send.Reminded(officeHours.Add(sentAt, 2 * officeHours.Day));
        var toldAt = answeredAt.AddDays(10 + random.Next(60));
        if (send.AcknowledgedAtUtc is null || toldAt >= now || random.NextDouble() < 0.5) return;
        OutcomeKind[] kinds = [OutcomeKind.UnderAssessment, OutcomeKind.NoFurtherAction, OutcomeKind.IntelligenceRecorded, OutcomeKind.InvestigationOpened,
            OutcomeKind.MisconductProceedings, OutcomeKind.CriminalInvestigation, OutcomeKind.Charged];
        db.ForceOutcomes.Add(new ForceOutcome(contact.Id, contact.Reference, contact.ForceCode, kinds[random.Next(kinds.Length)], null,
            DateOnly.FromDateTime(UkTime.FromUtc(toldAt)), contact.DecidedBy!, toldAt));
    }

    private static Contact Decided(Random random, string force, DateTime received)
    {
        var account = Accounts[random.Next(Accounts.Length)];
        var complaint = account.StartsWith("I want to complain", StringComparison.Ordinal);
        var urgent = !complaint && random.NextDouble() < 0.06;
        var contact = Contact.Receive(Reference.NewReference(), random.NextDouble() < 0.8 ? Channel.Online : Channel.Telephone, received, new ReportedFacts
        {
            Account = account, ForceCode = force, ImmediateDanger = urgent,
            Categories = [complaint ? "other" : Categories.Public.ElementAt(random.Next(Categories.Public.Count() - 1)).Code],
        }, FollowUpCode.Hash(FollowUpCode.New()));
        var analyst = random.NextDouble() < 0.5 ? Analyst : Analyst2;
        var claimed = received.AddMinutes(urgent ? 3 + random.Next(10) : 20 + random.Next(600));
        var decided = claimed.AddHours(urgent ? 0.5 : 2 + random.NextDouble() * 40);
        contact.Claim(analyst, claimed);
        // About 35% go to the force; the rest do not meet the threshold, for the pilot's usual reasons.
        if (!complaint && random.NextDouble() < 0.42)
        {
            contact.Tick(ThresholdCheck.CorroborableDetail, true, analyst, claimed);
            contact.Tick(ThresholdCheck.AboutPolice, true, analyst, claimed);
            contact.Tick(ThresholdCheck.NotPersonalComplaint, true, analyst, claimed);
            contact.WriteSanitisedAccount(account, analyst);
            contact.Grade(new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), analyst);
            if (urgent) contact.LogFastTimeCall(new FastTimeCall(claimed.AddMinutes(5), "01632 960000", "Duty inspector", "Accepted", analyst), analyst, claimed.AddMinutes(5));
            contact.Disseminate(analyst, decided, Core.Assistance.ReporterFlagCheck.Unresolved(contact).Count);
        }
        else
        {
            var reason = complaint ? NotDisseminatedReason.PersonalComplaint
                : random.NextDouble() < 0.7 ? NotDisseminatedReason.InsufficientDetail : NotDisseminatedReason.NotAboutPolice;
            contact.DecideNotToDisseminate(reason, complaint ? "Signposted to the force's professional standards department." : null, analyst, decided);
        }
        return contact;
    }
}
