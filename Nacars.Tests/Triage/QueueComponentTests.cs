using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Intake;
using Nacars.Core.Triage;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Tests.Triage;

/// <summary>The queue page as an analyst uses it: search that lives in the address (but never the subject), the urgent
/// alert, breaches, the keyboard, and live changes applied in place.</summary>
public class QueueComponentTests(WorkbenchFactory app) : WorkbenchComponentTest(app)
{
    private const string Analyst = "analyst@demo.nacars.test";

    protected override void RegisterServices(IServiceCollection services)
    {
        services.AddSingleton(Core<TriageService>());
        services.AddSingleton(Core<ContactSearch>());
    }

    private async Task<string> SubmitAsync(string force, string? surname = null, bool danger = false) =>
        (await Core<IntakeService>().SubmitOnlineAsync(new ReportSubmission
        {
            Account = $"Component test: an officer in {force} keeps looking up his ex-partner on force systems.",
            ForceCode = force, SubjectName = surname is null ? null : $"Alex {surname}", ImmediateDanger = danger,
        }, Ct)).Reference;

    private IRenderedComponent<TriageQueuePage> OpenQueue()
    {
        RenderProviders();
        var cut = RenderAs<TriageQueuePage>(Analyst);
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid='triage-page']").GetAttribute("data-ready")));
        return cut;
    }

    private static IReadOnlyList<string> References(IRenderedComponent<TriageQueuePage> cut) =>
        cut.FindAll("[data-testid='contact-row']").Select(r => r.GetAttribute("data-reference")!).ToList();

    [Fact]
    public async Task A_search_by_the_subjects_surname_finds_any_status_and_keeps_the_name_out_of_the_address()
    {
        var wanted = await SubmitAsync("wiltshire", surname: "Quarrington");
        var other = await SubmitAsync("wiltshire", surname: "Pemberley");
        await Core<TriageService>().ClaimAsync(wanted, "analyst2@demo.nacars.test", Ct);
        await Core<TriageService>().DecideNotToDisseminateAsync(wanted, "analyst2@demo.nacars.test", NotDisseminatedReason.InsufficientDetail, null, Ct);
        var cut = OpenQueue();
        Assert.DoesNotContain(wanted, References(cut)); // decided: not on the open queue

        cut.Find("[data-testid='filter-status']").Change(nameof(StatusFilter.Any));
        cut.Find("[data-testid='filter-subject-surname']").Change("quarrington");
        cut.Find("[data-testid='queue-search']").Submit();

        cut.WaitForAssertion(() => Assert.Equal([wanted], References(cut)));
        Assert.DoesNotContain(other, References(cut));
        var address = Services.GetRequiredService<NavigationManager>().Uri;
        Assert.Contains("status=Any", address);
        Assert.DoesNotContain("arrington", address, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1–1 of 1", cut.Find("[data-testid='queue-summary']").TextContent);
    }

    [Fact]
    public async Task A_filter_chosen_on_the_page_is_in_the_address_and_an_address_opens_the_same_view()
    {
        var inForce = await SubmitAsync("northamptonshire");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = OpenQueue();

        cut.Find("[data-testid='filter-force']").Change("northamptonshire");

        cut.WaitForAssertion(() => Assert.Contains("force=northamptonshire", navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal([inForce], References(cut)));
        var bookmark = navigation.Uri;

        // Someone else opens the shared address: same view.
        navigation.NavigateTo("triage");
        cut.WaitForAssertion(() => Assert.True(References(cut).Count > 1));
        navigation.NavigateTo(bookmark);
        cut.WaitForAssertion(() => Assert.Equal([inForce], References(cut)));
        Assert.Equal("northamptonshire", cut.Find("[data-testid='filter-force']").GetAttribute("value"));
    }

    [Fact]
    public async Task An_urgent_contact_raises_its_own_alert_an_ordinary_one_only_the_cue()
    {
        var cut = OpenQueue();

        await SubmitAsync("lincolnshire");
        cut.WaitForAssertion(() => Assert.Contains("new contact", cut.Find("[data-testid='new-contacts-cue']").TextContent));
        Assert.Empty(cut.FindAll("[data-testid='urgent-alert']"));
        Assert.Empty(JSInterop.Invocations["nacars.alerts.urgent"]);

        var urgent = await SubmitAsync("lincolnshire", danger: true);

        cut.WaitForAssertion(() => Assert.Contains(urgent, cut.Find("[data-testid='urgent-alert']").TextContent));
        var alert = Assert.Single(JSInterop.Invocations["nacars.alerts.urgent"]);
        Assert.Equal([urgent], Assert.IsAssignableFrom<IEnumerable<string>>(alert.Arguments[0]));
        // Urgent rows come first.
        Assert.Equal(urgent, References(cut).First(r => cut.Find($"[data-reference='{r}']").ClassList.Contains("urgent") && r == urgent));

        cut.Find("[data-testid='urgent-alert-dismiss']").Click();
        Assert.Empty(cut.FindAll("[data-testid='urgent-alert']"));
    }

    [Fact]
    public async Task An_urgent_contact_left_unclaimed_past_red_shows_as_a_breach()
    {
        var late = Contact.Receive(Reference.NewReference(), Channel.Telephone, DateTime.UtcNow.AddMinutes(-40), new ReportedFacts
        {
            Account = "Breach test: a DS is due to meet a witness tonight and has told the suspect where.",
            Categories = ["other"],
            ForceCode = "durham",
            ImmediateDanger = true,
        }, null);
        await using (var db = await App.Db.CreateDbContextAsync(Ct))
        {
            db.Contacts.Add(late);
            await db.SaveChangesAsync(Ct);
        }
        var cut = OpenQueue();

        var row = cut.Find($"[data-reference='{late.Reference}']");
        Assert.Equal("red", row.GetAttribute("data-breach"));
        Assert.Contains("Unclaimed past red", row.QuerySelector("[data-testid='breach-marker']")!.TextContent);

        await Core<TriageService>().ClaimAsync(late.Reference, "analyst2@demo.nacars.test", Ct);
        cut.WaitForAssertion(() => Assert.Null(cut.Find($"[data-reference='{late.Reference}']").GetAttribute("data-breach")));
    }

    [Fact]
    public async Task The_keyboard_moves_the_selection_and_claims()
    {
        var reference = await SubmitAsync("leicestershire");
        var cut = OpenQueue();
        cut.WaitForAssertion(() => Assert.Contains(reference, References(cut)));

        var index = References(cut).ToList().IndexOf(reference);
        string? selected = null;
        for (var i = 0; i <= index; i++) selected = await cut.InvokeAsync(() => cut.Instance.MoveSelection(1));
        Assert.Equal(reference, selected);
        Assert.Equal("true", cut.Find($"[data-reference='{reference}']").GetAttribute("aria-selected"));

        await cut.InvokeAsync(() => cut.Instance.ClaimSelected());

        cut.WaitForAssertion(() => Assert.Equal("InTriage", cut.Find($"[data-reference='{reference}']").GetAttribute("data-status")));
        Assert.Contains($"You claimed {reference}", cut.Find("[data-testid='queue-message']").TextContent);
        Assert.Equal(Analyst, (await Core<ContactSearch>().ItemAsync(reference, Ct))!.ClaimedBy);

        await cut.InvokeAsync(() => cut.Instance.ToggleShortcuts());
        Assert.Contains("claim the selected contact", cut.Find("[data-testid='shortcuts']").TextContent);
    }

    [Fact]
    public async Task A_decision_elsewhere_takes_the_row_off_the_open_queue_and_the_counts_follow()
    {
        var reference = await SubmitAsync("hertfordshire");
        var cut = OpenQueue();
        cut.WaitForAssertion(() => Assert.Contains(reference, References(cut)));
        int Count(string label) => int.Parse(cut.Find($"[data-testid='count-badge'][data-label='{label}'] [data-testid='count']").TextContent);
        var decidedBefore = Count("Decided today");

        await Core<TriageService>().ClaimAsync(reference, "analyst2@demo.nacars.test", Ct);
        await Core<TriageService>().DecideNotToDisseminateAsync(reference, "analyst2@demo.nacars.test", NotDisseminatedReason.NotAboutPolice, null, Ct);

        cut.WaitForAssertion(() => Assert.DoesNotContain(reference, References(cut)));
        cut.WaitForAssertion(() => Assert.Equal(decidedBefore + 1, Count("Decided today")));
    }
}
