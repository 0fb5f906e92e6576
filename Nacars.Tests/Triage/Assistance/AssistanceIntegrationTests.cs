using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Core.Intake;
using Nacars.Core.Triage;
using Nacars.Core.Assistance;

namespace Nacars.Tests.Triage.Assistance;

/// <summary>The assistance engine inside the workflow, on the real database: the server refuses to send while a detail
/// that could identify the reporter is undecided, and related contacts are found through keyed hashes only.</summary>
public class AssistanceIntegrationTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    private const string Analyst = "analyst@demo.nacars.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TriageService Triage => app.Services.GetRequiredService<TriageService>();

    private async Task<string> SubmitAsync(string account, string force = "staffordshire", string? subjectNumber = null) =>
        (await app.Services.GetRequiredService<IntakeService>().SubmitOnlineAsync(new ReportSubmission
        {
            Account = account, ForceCode = force, SubjectNumber = subjectNumber,
        }, Ct)).Reference;

    private async Task ReadyAsync(string reference, string sanitised)
    {
        await Triage.ClaimAsync(reference, Analyst, Ct);
        foreach (var check in Enum.GetValues<ThresholdCheck>()) await Triage.TickAsync(reference, Analyst, check, true, Ct);
        await Triage.GradeAsync(reference, Analyst, new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Ct);
        await Triage.WriteSanitisedAccountAsync(reference, Analyst, sanitised, Ct);
    }

    [Fact]
    public async Task Sending_is_refused_on_the_server_while_a_reporter_flag_is_undecided_then_allowed_once_each_is_resolved()
    {
        const string account = "My ex-husband is PC 4471 at Hanley police station. He sells police information to dealers on the Bentilee estate. You can ring me on 07700 900123.";
        var reference = await SubmitAsync(account);
        // The analyst pastes the original back in: the guard finds what points to the reporter.
        await ReadyAsync(reference, account);
        var send = app.Services.GetRequiredService<DisseminationService>();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => send.SendAsync(reference, Analyst, Ct));
        Assert.Contains("could identify the reporter", refused.Message);

        var contact = (await Triage.ReloadAsync(reference, Ct))!;
        var flags = Nacars.Core.Assistance.ReporterFlagCheck.Unresolved(contact);
        Assert.True(flags.Count >= 2, $"expected the relationship and the phone number, found {flags.Count}");
        // Keeping needs a reason.
        await Assert.ThrowsAsync<DomainRuleException>(() => Triage.ResolveReporterFlagAsync(reference, Analyst, flags[0].FlagId, keep: true, reason: " ", Ct));
        // One click redacts: the text is replaced by the neutral phrase; another is kept with a reason.
        contact = await Triage.ResolveReporterFlagAsync(reference, Analyst, flags[0].FlagId, keep: false, reason: null, Ct);
        Assert.DoesNotContain(flags[0].Text, contact.SanitisedAccount!);
        Assert.Contains(flags[0].Replacement, contact.SanitisedAccount!);
        while (Nacars.Core.Assistance.ReporterFlagCheck.Unresolved(contact) is { Count: > 0 } left)
            contact = await Triage.ResolveReporterFlagAsync(reference, Analyst, left[0].FlagId, keep: true, reason: "The force needs the location to find the dealers; many people live there.", Ct);

        var sent = await send.SendAsync(reference, Analyst, Ct);
        Assert.Equal("staffordshire", sent.ForceCode);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var audits = await db.AuditEvents.Where(a => a.ContactReference == reference && a.Action == Nacars.Core.Audit.AuditActions.ReporterFlagResolved).ToListAsync(Ct);
        Assert.Contains(audits, a => a.Detail!.StartsWith("redacted", StringComparison.Ordinal));
        Assert.Contains(audits, a => a.Detail!.Contains("The force needs the location", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Related_contacts_are_found_across_statuses_through_keyed_hashes_and_decoys_are_not()
    {
        var first = await SubmitAsync("PC 2317, who goes by Lee, took an envelope from two dealers behind the shops on Leek Road in Hanley. He drives a grey Audi BV19 RKO.");
        await Triage.ClaimAsync(first, Analyst, Ct);
        await Triage.DecideNotToDisseminateAsync(first, Analyst, NotDisseminatedReason.InsufficientDetail, null, Ct); // decided: still found
        var decoy = await SubmitAsync("PC 2371 in Birmingham keeps looking up his ex on police systems.", force: "west-midlands");
        var second = await SubmitAsync("The officer with collar number 2317 at Hanley is tipping off dealers; his car reg is bv19rko.");

        var contact = (await Triage.ReloadAsync(second, Ct))!;
        var related = await app.Services.GetRequiredService<ContactAssistance>().RelatedAsync(contact, Ct);

        var match = Assert.Single(related, r => r.Reference == first);
        Assert.True(match.Probable);
        Assert.Equal(ContactStatus.NotDisseminated, match.Status);
        Assert.Contains(match.Reasons, r => r.Contains("2317", StringComparison.Ordinal));
        Assert.Contains(match.Reasons, r => r.Contains("BV19RKO", StringComparison.Ordinal));
        Assert.DoesNotContain(related, r => r.Reference == decoy);

        // No plaintext identifiers at rest: only kinds and keyed hashes.
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var rows = await db.ContactIdentifiers.AsNoTracking().ToListAsync(Ct);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Matches("^[A-Za-z0-9+/]{22}==$", r.Hash));
        Assert.DoesNotContain(rows, r => r.Hash.Contains("2317", StringComparison.Ordinal) || r.Kind.Contains("2317", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_follow_up_adds_its_identifiers_so_a_later_contact_finds_it()
    {
        var code = (await app.Services.GetRequiredService<IntakeService>().SubmitOnlineAsync(new ReportSubmission
        {
            Account = "An officer at Stoke is selling information. I can say more later.", ForceCode = "staffordshire",
        }, Ct));
        Assert.True(await app.Services.GetRequiredService<IntakeService>().AddFollowUpAsync(code.Reference, code.FollowUpCode,
            "His number is PC 8842 and his Instagram is @copper_stoke_88.", Ct));
        var later = await SubmitAsync("Someone with the instagram @copper_stoke_88 says he is a cop and sells PNC checks.");

        var related = await app.Services.GetRequiredService<ContactAssistance>().RelatedAsync((await Triage.ReloadAsync(later, Ct))!, Ct);

        Assert.Contains(related, r => r.Reference == code.Reference && r.Reasons.Any(x => x.Contains("copper_stoke_88", StringComparison.Ordinal)));
    }
}
