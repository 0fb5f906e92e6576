using Nacars.Core.LiveFloor;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Events;
using Nacars.Core.Intake;
using Nacars.Core.Triage;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Tests.Triage;

/// <summary>The team wallboard follows the floor live: arrivals, claims, urgent contacts waiting for their fast-time
/// call, breaches, and who is working on what.</summary>
public class WallboardComponentTests(WorkbenchFactory app) : WorkbenchComponentTest(app)
{
    protected override void RegisterServices(IServiceCollection services) => services.AddSingleton(Core<Floor>());

    private IRenderedComponent<WallboardPage> Open()
    {
        var cut = RenderAs<WallboardPage>("supervisor@demo.nacars.test");
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid='wallboard']").GetAttribute("data-ready")));
        return cut;
    }

    private static string Figure(IRenderedComponent<WallboardPage> cut, string testId) =>
        cut.Find($"[data-testid='{testId}'] [data-testid='wb-value']").TextContent.Trim();

    [Fact]
    public async Task Arrivals_claims_and_fast_time_calls_show_live()
    {
        var cut = Open();
        var newBefore = int.Parse(Figure(cut, "wb-new"));
        var receivedBefore = int.Parse(Figure(cut, "wb-received-today"));
        var awaitingBefore = int.Parse(Figure(cut, "wb-awaiting-fasttime"));

        var urgent = (await Core<IntakeService>().SubmitOnlineAsync(new ReportSubmission
        {
            Account = "Wallboard test: an officer is at the reporter's sister's house right now and she is frightened.",
            ForceCode = "cleveland", ImmediateDanger = true,
        }, Ct)).Reference;

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(newBefore + 1, int.Parse(Figure(cut, "wb-new")));
            Assert.Equal(receivedBefore + 1, int.Parse(Figure(cut, "wb-received-today")));
            Assert.Equal(awaitingBefore + 1, int.Parse(Figure(cut, "wb-awaiting-fasttime")));
            Assert.Contains(urgent, cut.Find("[data-testid='wb-awaiting-fasttime']").TextContent);
        });

        const string analyst = "analyst2@demo.nacars.test";
        var triage = Core<TriageService>();
        await triage.ClaimAsync(urgent, analyst, Ct);
        cut.WaitForAssertion(() =>
        {
            Assert.Equal(newBefore, int.Parse(Figure(cut, "wb-new")));
            Assert.Contains(urgent, cut.Find($"[data-testid='wb-analyst'][data-analyst='{analyst}']").TextContent);
        });

        await triage.AssignForceAsync(urgent, analyst, "cleveland", Ct);
        await triage.LogFastTimeCallAsync(urgent, analyst, "101", "Insp. Test", "Officers attending", ct: Ct);
        cut.WaitForAssertion(() => Assert.Equal(awaitingBefore, int.Parse(Figure(cut, "wb-awaiting-fasttime"))));
    }

    [Fact]
    public async Task An_urgent_contact_unclaimed_past_its_time_is_an_alarm_and_a_red_breach()
    {
        var cut = Open();

        var late = Contact.Receive(Reference.NewReference(), Channel.Online, DateTime.UtcNow.AddMinutes(-30), new ReportedFacts
        {
            Account = "Wallboard breach test: a custody sergeant is passing names to a gang this evening.",
            Categories = ["other"],
            ForceCode = "essex",
            ImmediateDanger = true,
        }, null);
        await using (var db = await App.Db.CreateDbContextAsync(Ct))
        {
            db.Contacts.Add(late);
            await db.SaveChangesAsync(Ct);
        }
        // Saved without an event (as by another instance whose notice was lost): the next event brings it in.
        await Core<IContactNotifier>().PublishAsync(new ContactEvent(ContactEventKind.Resynchronise, "", "", null, DateTime.UtcNow));

        cut.WaitForAssertion(() =>
        {
            Assert.Contains(late.Reference, cut.Find("[data-testid='wb-urgent-breach']").TextContent);
            Assert.Equal("red", cut.Find("[data-testid='wb-sla-breaches']").GetAttribute("data-tone"));
            Assert.Equal("red", cut.Find("[data-testid='wb-oldest-urgent']").GetAttribute("data-tone"));
        });
    }
}
