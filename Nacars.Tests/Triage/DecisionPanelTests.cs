using Bunit;
using Nacars.Core.Contacts;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Tests.Triage;

/// <summary>Disseminate is only possible when the threshold is met, the force is known, the account sanitised and graded.</summary>
public class DecisionPanelTests(WorkbenchFactory app) : WorkbenchComponentTest(app)
{
    private const string Analyst = "analyst@demo.nacars.test";

    private IRenderedComponent<DecisionPanel> RenderPanel(Contact contact, Action? onDisseminate = null) => Render<DecisionPanel>(p => p
        .Add(x => x.Contact, contact)
        .Add(x => x.Disabled, false)
        .Add(x => x.OnDisseminate, () => onDisseminate?.Invoke())
        .Add(x => x.OnNotDisseminated, _ => { }));

    [Fact]
    public void Disseminate_stays_disabled_until_all_three_checks_are_ticked()
    {
        RenderProviders();
        var contact = ContactWorkflowTests.ReadyToSend();
        contact.Tick(ThresholdCheck.AboutPolice, false, Analyst, DateTime.UtcNow);
        var cut = RenderPanel(contact);
        Assert.True(cut.Find("[data-testid='disseminate']").HasAttribute("disabled"));
        Assert.Contains("Tick all three threshold checks.", cut.Find("[data-testid='disseminate-blockers']").TextContent);

        contact.Tick(ThresholdCheck.AboutPolice, true, Analyst, DateTime.UtcNow);
        cut.Render(p => p.Add(x => x.Contact, contact));
        Assert.False(cut.Find("[data-testid='disseminate']").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid='disseminate-blockers']"));
    }

    [Fact]
    public void An_urgent_contact_without_a_logged_fast_time_call_cannot_be_sent()
    {
        RenderProviders();
        var cut = RenderPanel(ContactWorkflowTests.ReadyToSend(urgent: true));
        Assert.True(cut.Find("[data-testid='disseminate']").HasAttribute("disabled"));
        Assert.Contains("fast-time call", cut.Find("[data-testid='disseminate-blockers']").TextContent);
    }

    [Fact]
    public void One_click_raises_one_send()
    {
        RenderProviders();
        var sends = 0;
        var cut = RenderPanel(ContactWorkflowTests.ReadyToSend(), () => sends++);
        cut.Find("[data-testid='disseminate']").Click();
        Assert.Equal(1, sends);
    }

    [Fact]
    public async Task Duplicate_of_a_related_contact_prefills_the_reason_and_the_reference_for_the_analyst_to_record()
    {
        RenderProviders();
        (NotDisseminatedReason Reason, string? Note)? recorded = null;
        var cut = Render<DecisionPanel>(p => p
            .Add(x => x.Contact, ContactWorkflowTests.ReadyToSend())
            .Add(x => x.Disabled, false)
            .Add(x => x.OnDisseminate, () => { })
            .Add(x => x.OnNotDisseminated, d => recorded = d));

        await cut.InvokeAsync(() => cut.Instance.PrefillDuplicate("NAC-7K3M-Q9XD"));

        Assert.Equal(nameof(NotDisseminatedReason.Duplicate), cut.Find("[data-testid='not-disseminate-reason']").GetAttribute("value"));
        Assert.Null(recorded); // nothing is decided until the analyst records it
        cut.Find("[data-testid='not-disseminate']").Click();
        Assert.Equal((NotDisseminatedReason.Duplicate, "NAC-7K3M-Q9XD"), recorded);
    }
}
