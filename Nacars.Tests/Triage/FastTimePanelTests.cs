using Bunit;
using Microsoft.Extensions.Time.Testing;
using Nacars.Core.Events;
using Nacars.Core.Triage;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Tests.Triage;

/// <summary>The fast-time panel names the contact to ring by the force's office hours in UK time, on both sides of
/// the clocks changing (FakeTimeProvider drives the real TriageService).</summary>
public class FastTimePanelTests(WorkbenchFactory app) : WorkbenchComponentTest(app)
{
    [Theory]
    // Clocks go back at 01:00 UTC on Sunday 25 October 2026. Kent's demo office hours are 08:00–18:00 UK time.
    [InlineData("2026-10-23T17:30:00Z", false)] // Friday 18:30 BST: out of hours
    [InlineData("2026-10-26T17:30:00Z", true)]  // Monday 17:30 GMT: in hours
    [InlineData("2026-03-27T07:30:00Z", false)] // Friday 07:30 GMT: before opening
    [InlineData("2026-03-30T07:30:00Z", true)]  // Monday 08:30 BST: open
    public async Task It_chooses_in_hours_or_out_of_hours_correctly_across_clock_changes(string utc, bool inHours)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc));
        var triage = new TriageService(App.Db, Core<IContactNotifier>(), clock, Core<Nacars.Core.Intake.Attachments.IAttachmentStore>(), Core<Nacars.Core.Assistance.ContactIdentifiers>(), Core<Nacars.Core.Operations.NacarsMetrics>());
        var fastTime = await triage.FastTimeContactAsync("kent", Ct);

        RenderProviders();
        var contact = ContactWorkflowTests.ReadyToSend(urgent: true);
        var cut = Render<FastTimePanel>(p => p
            .Add(x => x.Contact, contact)
            .Add(x => x.Disabled, false)
            .Add(x => x.FastTime, fastTime)
            .Add(x => x.OnUrgentChanged, _ => { })
            .Add(x => x.OnCallLogged, _ => { }));

        Assert.Contains(inHours ? "in office hours" : "out of office hours", cut.Find("[data-testid='fasttime-panel']").TextContent);
        Assert.Contains(inHours ? "ACU duty desk" : "force control room", cut.Find("[data-testid='fasttime-contact']").TextContent);
        Assert.NotNull(cut.Find("[data-testid='fasttime-log']"));
    }
}
