using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Events;
using Nacars.Core.Intake;
using Nacars.Core.Triage;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Tests.Triage;

/// <summary>The queue updates rows in place on a pushed event: the analyst's selection and filter survive.</summary>
public class QueueLiveUpdateTests(WorkbenchFactory app) : WorkbenchComponentTest(app)
{
    protected override void RegisterServices(IServiceCollection services)
    {
        services.AddSingleton(Core<TriageService>());
        services.AddSingleton(Core<ContactSearch>());
    }

    [Fact]
    public async Task A_claim_elsewhere_updates_the_row_in_place_without_losing_the_selection()
    {
        RenderProviders();
        var cut = RenderAs<TriageQueuePage>("analyst@demo.nacars.test");
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid='contact-row']").Count >= 5));
        cut.Find("[data-testid='filter-reference']").Change("NAC");

        var rowsBefore = cut.FindAll("[data-testid='contact-row']").Select(r => r.GetAttribute("data-reference")).ToList();
        var target = cut.FindAll("[data-testid='contact-row']").First(r => r.GetAttribute("data-status") == "New");
        var reference = target.GetAttribute("data-reference")!;
        target.Click();
        Assert.Equal("true", cut.Find($"[data-reference='{reference}']").GetAttribute("aria-selected"));

        await Core<TriageService>().ClaimAsync(reference, "analyst2@demo.nacars.test", Ct);

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find($"[data-reference='{reference}']");
            Assert.Equal("InTriage", row.GetAttribute("data-status"));
            Assert.Equal("analyst2@demo.nacars.test", row.QuerySelector("[data-testid='claimed-by']")!.TextContent);
            Assert.Equal("true", row.GetAttribute("aria-selected"));
        });
        Assert.Equal(rowsBefore, cut.FindAll("[data-testid='contact-row']").Select(r => r.GetAttribute("data-reference")).ToList());
        Assert.Equal("NAC", cut.Find("[data-testid='filter-reference']").GetAttribute("value"));
    }

    [Fact]
    public async Task A_new_contact_appears_with_a_visible_cue()
    {
        RenderProviders();
        var cut = RenderAs<TriageQueuePage>("analyst@demo.nacars.test");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid='contact-row']")));
        var submitted = await Core<IntakeService>().SubmitOnlineAsync(new ReportSubmission
        {
            Account = "A new contact for the live queue test, about a PCSO in Hull.", ForceCode = "humberside",
        }, Ct);
        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(cut.Find($"[data-reference='{submitted.Reference}']"));
            Assert.Contains("new contact", cut.Find("[data-testid='new-contacts-cue']").TextContent);
        });
    }

    [Fact]
    public async Task After_a_resynchronise_the_queue_shows_what_it_missed_once_each()
    {
        RenderProviders();
        var cut = RenderAs<TriageQueuePage>("analyst@demo.nacars.test");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid='contact-row']")));

        // A contact saved while this instance heard nothing (its listener was down): no event reached the page.
        var missed = Contact.Receive(Reference.NewReference(), Channel.Online, DateTime.UtcNow, new ReportedFacts
        {
            Account = "Missed while the listener was down: a PC in Leeds.",
            Categories = ["other"],
            ForceCode = "west-yorkshire",
        }, null);
        await using (var db = await App.Db.CreateDbContextAsync(Ct))
        {
            db.Contacts.Add(missed);
            await db.SaveChangesAsync(Ct);
        }
        Assert.Empty(cut.FindAll($"[data-reference='{missed.Reference}']"));

        await Core<IContactNotifier>().PublishAsync(new ContactEvent(ContactEventKind.Resynchronise, "", "", null, DateTime.UtcNow));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll($"[data-reference='{missed.Reference}']")));
        var references = cut.FindAll("[data-testid='contact-row']").Select(r => r.GetAttribute("data-reference")).ToList();
        Assert.Equal(references.Count, references.Distinct().Count());
        Assert.Contains("new contact", cut.Find("[data-testid='new-contacts-cue']").TextContent);
    }
}
