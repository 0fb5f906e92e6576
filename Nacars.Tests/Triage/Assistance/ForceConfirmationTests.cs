using Bunit;
using Nacars.Core;
using Nacars.Core.Assistance;
using Nacars.Core.Contacts;
using Nacars.Core.Triage;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Tests.Triage.Assistance;

/// <summary>Issue 27: changing a contact's force asks first and names the force; a contact sent to two forces, or moved
/// off the reporter's choice, shows both on its queue row.</summary>
public class ForceConfirmationTests(WorkbenchFactory app) : WorkbenchComponentTest(app)
{
    private static readonly DateTime Now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    private static Contact Bristol() => Contact.Receive(Reference.NewReference(), Channel.Online, Now, new ReportedFacts
    {
        Account = "PC Daniel Hartley, who is based at Bridewell police station in Bristol, takes cash from a dealer on Stapleton Road.",
        Categories = ["money-or-favours"],
        ForceCode = "nottinghamshire",
    }, "hash");

    private IRenderedComponent<AssistPanel> RenderPanel(Contact contact, List<string> used) => Render<AssistPanel>(p => p
        .Add(x => x.Contact, contact).Add(x => x.CanEdit, true).Add(x => x.Related, [])
        .Add(x => x.OnCopyToSubject, _ => { }).Add(x => x.OnUseForce, used.Add).Add(x => x.OnMarkDuplicate, _ => { }));

    [Fact]
    public void Use_this_force_names_the_force_and_changes_nothing_until_the_analyst_says_yes()
    {
        RenderProviders();
        var used = new List<string>();
        var cut = RenderPanel(Bristol(), used);

        var suggestion = cut.Find("[data-testid='force-suggestion']");
        Assert.Equal("avon-and-somerset", suggestion.GetAttribute("data-force"));
        Assert.Contains("'Bristol' beside it decides", suggestion.TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid='use-force']").Click();
        var confirm = cut.Find("[data-testid='use-force-confirm']");
        Assert.Contains("from Nottinghamshire Police to Avon and Somerset Police", confirm.TextContent, StringComparison.Ordinal);
        Assert.Empty(used);

        cut.Find("[data-testid='use-force-cancel']").Click();
        Assert.Empty(cut.FindAll("[data-testid='use-force-confirm']"));
        Assert.Empty(used);

        cut.Find("[data-testid='use-force']").Click();
        cut.Find("[data-testid='use-force-yes']").Click();
        Assert.Equal(["avon-and-somerset"], used);
    }

    [Fact]
    public void A_queue_row_shows_the_force_first_sent_to_beside_the_second_and_the_reporters_choice_when_it_was_changed()
    {
        RenderProviders();
        QueueItem Row(string reported, string force, string? decided) => new("NAC-TEST-0001", Now, Channel.Online, reported, force, ["corruption"],
            false, ContactStatus.Disseminated, null, 0, DecidedForceCode: decided);

        var rerouted = RenderRow(Row("nottinghamshire", "avon-and-somerset", "nottinghamshire"));
        Assert.Equal("Avon and Somerset Police", rerouted.Find("[data-testid='row-force']").TextContent);
        Assert.Equal("first sent to Nottinghamshire Police", rerouted.Find("[data-testid='row-first-force']").TextContent);

        var moved = RenderRow(Row("nottinghamshire", "avon-and-somerset", null));
        Assert.Equal("reporter said Nottinghamshire Police", moved.Find("[data-testid='row-reported-force']").TextContent);

        var plain = RenderRow(Row("kent", "kent", "kent"));
        Assert.Empty(plain.FindAll("[data-testid='row-first-force'], [data-testid='row-reported-force']"));
    }

    private IRenderedComponent<QueueRowGroup> RenderRow(QueueItem item) => Render<QueueRowGroup>(p => p
        .Add(x => x.Rows, [item]).Add(x => x.First, 0).Add(x => x.Count, 1).Add(x => x.NowUtc, Now).Add(x => x.Thresholds, new TriageOptions())
        .Add(x => x.FlashOf, _ => null).Add(x => x.Selected, null).Add(x => x.OnSelect, _ => { }));
}
