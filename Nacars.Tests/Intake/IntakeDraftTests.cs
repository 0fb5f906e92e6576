using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Intake;
using Nacars.Workbench.Features.Intake;

namespace Nacars.Tests.Intake;

/// <summary>The call handler's form saves itself as they type, and a draft survives a restart of the app.</summary>
public class IntakeDraftTests(IntakeDraftTests.FastAutosave app) : WorkbenchComponentTest(app), IClassFixture<IntakeDraftTests.FastAutosave>
{
    public sealed class FastAutosave : WorkbenchFactory
    {
        public FastAutosave() => Settings["Nacars:Intake:DraftAutosaveMilliseconds"] = "20";
    }

    private const string Handler = "callhandler@demo.nacars.test";

    protected override void RegisterServices(IServiceCollection services)
    {
        services.AddSingleton(Core<IntakeService>());
        services.AddSingleton(Core<IntakeDraftService>());
        AddAuthorization().SetAuthorized(Handler).SetRoles("CallHandler");
    }

    [Fact]
    public async Task Typing_is_saved_to_the_server_without_pressing_anything()
    {
        var ct = Ct;
        var drafts = Core<IntakeDraftService>();
        var id = await drafts.StartAsync(Handler, ct);
        RenderProviders();
        var cut = Render<IntakePage>(p => p.Add(x => x.DraftId, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid='intake-account']"));

        cut.Find("[data-testid='intake-account']").Input("The caller says a DC in Leeds is selling custody records.");
        cut.Find("[data-testid='anonymity-statement']").Change(true);

        await Eventually.TrueAsync(async () => (await drafts.LoadAsync(id, Handler, ct))?.Report.Account?.Contains("selling custody records") == true);
        var saved = await drafts.LoadAsync(id, Handler, ct);
        Assert.True(saved!.AnonymityStatementRead);
        cut.WaitForAssertion(() => Assert.StartsWith("Saved", cut.Find("[data-testid='draft-state']").TextContent));
    }

    [Fact]
    public async Task Submitting_shows_the_reference_with_its_phonetic_spelling_and_closes_the_draft()
    {
        var ct = Ct;
        var drafts = Core<IntakeDraftService>();
        var id = await drafts.StartAsync(Handler, ct);
        await drafts.SaveAsync(id, Handler, new TelephoneReport
        {
            CallStartedAtUtc = DateTime.UtcNow, AnonymityStatementRead = true,
            Report = new ReportSubmission { Account = "A sergeant in Hull is abusing his partner and threatening her.", ForceCode = "humberside", ImmediateDanger = true },
        }, ct);
        RenderProviders();
        var cut = Render<IntakePage>(p => p.Add(x => x.DraftId, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid='submit-intake']"));
        cut.Find("[data-testid='intake-form']").Submit();

        cut.WaitForAssertion(() => Assert.Matches("^NAC-[0-9A-Z]{4}-[0-9A-Z]{4}$", cut.Find("[data-testid='contact-reference']").TextContent));
        Assert.StartsWith("N-A-C dash ", cut.Find("[data-testid='reference-phonetic']").TextContent);
        Assert.Null(await drafts.LoadAsync(id, Handler, ct));
        await using var db = await App.Db.CreateDbContextAsync(ct);
        var reference = cut.Find("[data-testid='contact-reference']").TextContent;
        var contact = await db.Contacts.SingleAsync(c => c.Reference == reference, ct);
        Assert.Equal(Nacars.Core.Contacts.Channel.Telephone, contact.Channel);
        Assert.True(contact.Urgent);
        Assert.Equal(Handler, contact.Reported.Call!.TakenBy);
    }

    [Fact]
    public async Task Without_the_anonymity_statement_the_report_is_refused_and_the_draft_kept()
    {
        var ct = Ct;
        var drafts = Core<IntakeDraftService>();
        var id = await drafts.StartAsync(Handler, ct);
        await drafts.SaveAsync(id, Handler, new TelephoneReport { CallStartedAtUtc = DateTime.UtcNow, Report = new ReportSubmission { Account = "An officer took money from a club owner." } }, ct);
        RenderProviders();
        var cut = Render<IntakePage>(p => p.Add(x => x.DraftId, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid='intake-form']"));
        cut.Find("[data-testid='intake-form']").Submit();
        cut.WaitForAssertion(() => Assert.Contains("anonymity statement", cut.Find("[data-testid='error-summary']").TextContent));
        Assert.NotNull(await drafts.LoadAsync(id, Handler, ct));
    }
}

/// <summary>A draft written before a restart is there after it: same data folder, same key ring, new process state.</summary>
public class DraftRestartTests
{
    [Fact]
    public async Task A_draft_survives_a_restart_of_the_app()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var dataRoot = Path.Combine(Path.GetTempPath(), "nacars-tests", Guid.NewGuid().ToString("N"));
        Guid id;
        await using (var before = new WorkbenchFactory(dataRoot))
        {
            var drafts = before.Services.GetRequiredService<IntakeDraftService>();
            id = await drafts.StartAsync("callhandler@demo.nacars.test", ct);
            await drafts.SaveAsync(id, "callhandler@demo.nacars.test",
                new TelephoneReport { Report = new ReportSubmission { Account = "Half-taken call about an inspector in Derby." } }, ct);
        }
        await using (var after = new WorkbenchFactory(dataRoot) { KeepData = false })
        {
            var draft = await after.Services.GetRequiredService<IntakeDraftService>().LoadAsync(id, "callhandler@demo.nacars.test", ct);
            Assert.Equal("Half-taken call about an inspector in Derby.", draft!.Report.Account);
            var open = await after.Services.GetRequiredService<IntakeDraftService>().OpenDraftsAsync("callhandler@demo.nacars.test", ct);
            Assert.Contains(open, d => d.Id == id);
        }
    }
}
