using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Triage;
using Nacars.Tests.Intake;

namespace Nacars.Tests.Triage;

/// <summary>Reassigning is a supervisor's, checked by the service itself (the page only hides the button), and a contact
/// goes only to an enabled analyst.</summary>
public class ReassignAuthorityTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TriageService Triage => app.Services.GetRequiredService<TriageService>();

    [Theory]
    [InlineData("analyst2@demo.nacars.test")]
    [InlineData("callhandler@demo.nacars.test")]
    [InlineData("admin@demo.nacars.test")]
    public async Task Only_a_supervisor_can_reassign(string caller)
    {
        var submitted = await ReporterDialogueTests.ReportAsync(app);
        await Triage.ClaimAsync(submitted.Reference, "analyst@demo.nacars.test", Ct);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Triage.ReassignAsync(submitted.Reference, caller, "analyst2@demo.nacars.test", Ct));
        Assert.Contains("only a supervisor", refused.Message);
        Assert.Equal("analyst@demo.nacars.test", (await Triage.ReloadAsync(submitted.Reference, Ct))!.ClaimedBy);
    }

    [Theory]
    [InlineData("admin@demo.nacars.test")]
    [InlineData("nobody@example.org")]
    public async Task A_contact_goes_only_to_an_analyst(string to)
    {
        var submitted = await ReporterDialogueTests.ReportAsync(app);
        await Triage.ClaimAsync(submitted.Reference, "analyst@demo.nacars.test", Ct);
        await Assert.ThrowsAsync<DomainRuleException>(() => Triage.ReassignAsync(submitted.Reference, "supervisor@demo.nacars.test", to, Ct));
        var moved = await Triage.ReassignAsync(submitted.Reference, "supervisor@demo.nacars.test", "analyst2@demo.nacars.test", Ct);
        Assert.Equal("analyst2@demo.nacars.test", moved.ClaimedBy);
    }

    [Fact]
    public async Task The_analysts_to_choose_from_are_the_enabled_analysts()
    {
        var analysts = await Triage.AnalystsAsync(Ct);
        Assert.Equal(["analyst@demo.nacars.test", "analyst2@demo.nacars.test"], analysts.Select(a => a.UserName).Order());
    }
}
