using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Core.Forces;
using Nacars.Core.Intake;
using Nacars.Core.Retention;
using Nacars.Core.Staff;
using Nacars.Core.Supervision;
using Nacars.Core.Triage;
using Nacars.Workbench.Features.Admin;

namespace Nacars.Tests.Staff;

/// <summary>
/// Threat-model row I5: the page hides what a person may not do, and the service refuses it too. Every method that acts
/// for a member of staff is called here by someone in each role (and by a disabled analyst): those outside its roles
/// are refused before anything is read or changed, with "Not allowed: …"; those inside are never refused for their role. A new
/// method that acts for someone and is missing from the table fails the last test.
/// </summary>
public class EveryServiceChecksItsRoleTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Disabled = "disabled.analyst@example.org";

    private static readonly Dictionary<string, string> PersonIn = new()
    {
        [Roles.CallHandler] = "callhandler@demo.nacars.test",
        [Roles.Analyst] = "analyst@demo.nacars.test",
        [Roles.Supervisor] = "supervisor@demo.nacars.test",
        [Roles.Admin] = "admin@demo.nacars.test",
    };

    private sealed record Call(Type Service, string Method, IReadOnlyList<string> Allowed, Func<IServiceProvider, string, string, Task> Run);

    private static T S<T>(IServiceProvider sp) where T : notnull => sp.GetRequiredService<T>();

    /// <summary>Each call gets a fresh contact's reference and the caller; the other arguments are plausible, so that an
    /// allowed caller reaches the method's own rules.</summary>
    private static readonly Call[] Calls =
    [
        new(typeof(TriageService), "OpenAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).OpenAsync(r, who, Ct)),
        new(typeof(TriageService), "ClaimAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).ClaimAsync(r, who, Ct)),
        new(typeof(TriageService), "ReleaseAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).ReleaseAsync(r, who, Ct)),
        new(typeof(TriageService), "ReassignAsync", [Roles.Supervisor], (sp, r, who) => S<TriageService>(sp).ReassignAsync(r, who, "analyst2@demo.nacars.test", Ct)),
        new(typeof(TriageService), "TickAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).TickAsync(r, who, ThresholdCheck.CorroborableDetail, true, Ct)),
        new(typeof(TriageService), "FlagUrgentAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).FlagUrgentAsync(r, who, true, Ct)),
        new(typeof(TriageService), "ClassifyAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).ClassifyAsync(r, who, [], Ct)),
        new(typeof(TriageService), "CorrectSubjectAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).CorrectSubjectAsync(r, who, SubjectDetails.None, Ct)),
        new(typeof(TriageService), "AssignForceAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).AssignForceAsync(r, who, "kent", Ct)),
        new(typeof(TriageService), "WriteSanitisedAccountAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).WriteSanitisedAccountAsync(r, who, "An officer is alleged to have sold records.", Ct)),
        new(typeof(TriageService), "ResolveReporterFlagAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).ResolveReporterFlagAsync(r, who, "flag", true, "needed", Ct)),
        new(typeof(TriageService), "GradeAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).GradeAsync(r, who, new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Ct)),
        new(typeof(TriageService), "LogFastTimeCallAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).LogFastTimeCallAsync(r, who, "101", "Duty inspector", "Will act", null, Ct)),
        new(typeof(TriageService), "DecideNotToDisseminateAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).DecideNotToDisseminateAsync(r, who, NotDisseminatedReason.Duplicate, null, Ct)),
        new(typeof(TriageService), "AskReporterAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).AskReporterAsync(r, who, "Which station?", 500, Ct)),
        new(typeof(TriageService), "AcknowledgeNewInformationAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).AcknowledgeNewInformationAsync(r, who, Ct)),
        new(typeof(TriageService), "ReopenAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).ReopenAsync(r, who, Ct)),
        new(typeof(TriageService), "IncludeAttachmentInReportAsync", Roles.Triage, (sp, r, who) => S<TriageService>(sp).IncludeAttachmentInReportAsync(r, who, Guid.NewGuid(), true, Ct)),
        new(typeof(TriageService), "OpenAttachmentAsync", Roles.Triage, async (sp, r, who) => { await using var _ = await S<TriageService>(sp).OpenAttachmentAsync(r, Guid.NewGuid(), who, false, Ct); }),
        new(typeof(DisseminationService), "SendAsync", Roles.Triage, (sp, r, who) => S<DisseminationService>(sp).SendAsync(r, who, Ct)),
        new(typeof(DisseminationService), "RerouteAsync", Roles.Triage, (sp, r, who) => S<DisseminationService>(sp).RerouteAsync(r, "kent", "It happened in Kent", who, Ct)),
        new(typeof(DisseminationService), "PreviewAsync", Roles.Triage, (sp, r, who) => S<DisseminationService>(sp).PreviewAsync(r, who, Ct)),
        new(typeof(DisseminationService), "RetryAsync", Roles.Triage, (sp, _, who) => S<DisseminationService>(sp).RetryAsync(Guid.NewGuid(), who, Ct)),
        new(typeof(DisseminationService), "QueueTestEmailAsync", [Roles.Admin], (sp, _, who) => S<DisseminationService>(sp).QueueTestEmailAsync("kent", who, Ct)),
        new(typeof(ForceAdministration), "UpdateAsync", [Roles.Admin], (sp, _, who) => S<ForceAdministration>(sp).UpdateAsync("kent",
            new ForceChange("intel@kent.pnn.police.uk", "01622 690690", "01622 690690", new TimeOnly(8, 0), new TimeOnly(18, 0)), who, Ct)),
        new(typeof(BankHolidayCalendar), "AddAsync", [Roles.Admin], (sp, _, who) => S<BankHolidayCalendar>(sp).AddAsync(Nation.Scotland, new DateOnly(2031, 3, 4), "Test day", who, Ct)),
        new(typeof(BankHolidayCalendar), "RemoveAsync", [Roles.Admin], (sp, _, who) => S<BankHolidayCalendar>(sp).RemoveAsync(Nation.Scotland, new DateOnly(2031, 3, 5), who, Ct)),
        new(typeof(IntakeService), "SubmitByTelephoneAsync", [Roles.CallHandler], (sp, _, who) => S<IntakeService>(sp).SubmitByTelephoneAsync(new TelephoneReport
        {
            Report = new ReportSubmission { Account = "A caller says PC 4411 at Maidstone took money to lose a file.", ForceCode = "kent" },
            CallStartedAtUtc = DateTime.UtcNow.AddMinutes(-5), AnonymityStatementRead = true,
        }, who, null, Ct)),
        new(typeof(IntakeService), "OpenDialogueAsync", [Roles.CallHandler], (sp, r, who) => S<IntakeService>(sp).OpenDialogueAsync(r, "WRONG-CODE", Ct, who)),
        new(typeof(IntakeService), "AddFollowUpAsync", [Roles.CallHandler], (sp, r, who) => S<IntakeService>(sp).AddFollowUpAsync(
            new FollowUpSubmission { Reference = r, Code = "WRONG-CODE", Text = "More detail" }, who, [], Ct)),
        new(typeof(IntakeDraftService), "StartAsync", [Roles.CallHandler], (sp, _, who) => S<IntakeDraftService>(sp).StartAsync(who, Ct)),
        new(typeof(IntakeDraftService), "SaveAsync", [Roles.CallHandler], (sp, _, who) => S<IntakeDraftService>(sp).SaveAsync(Guid.NewGuid(), who, new TelephoneReport(), Ct)),
        new(typeof(IntakeDraftService), "LoadAsync", [Roles.CallHandler], (sp, _, who) => S<IntakeDraftService>(sp).LoadAsync(Guid.NewGuid(), who, Ct)),
        new(typeof(IntakeDraftService), "OpenDraftsAsync", [Roles.CallHandler], (sp, _, who) => S<IntakeDraftService>(sp).OpenDraftsAsync(who, Ct)),
        new(typeof(SupervisionExports), "RecordAsync", [Roles.Supervisor], (sp, _, who) => S<SupervisionExports>(sp).RecordAsync("forces", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), null, who, Ct)),
        new(typeof(UndecidedReview), "DueAsync", [Roles.Supervisor], (sp, _, who) => S<UndecidedReview>(sp).DueAsync(who, Ct)),
        new(typeof(UndecidedReview), "KeepAsync", [Roles.Supervisor], (sp, r, who) => S<UndecidedReview>(sp).KeepAsync(r, "Linked to a live investigation", who, Ct)),
        new(typeof(UndecidedReview), "CloseAndPurgeAsync", [Roles.Supervisor], (sp, r, who) => S<UndecidedReview>(sp).CloseAndPurgeAsync(r, who, Ct)),
        new(typeof(StaffAccounts), "CreateAsync", [Roles.Admin], (sp, _, who) => S<StaffAccounts>(sp).CreateAsync($"new.{Guid.NewGuid():N}@example.org", "New", StaffAccounts.GeneratePassword(), Roles.Analyst, who)),
        new(typeof(StaffAccounts), "AllAsync", [Roles.Admin], (sp, _, who) => S<StaffAccounts>(sp).AllAsync(who)),
        new(typeof(StaffAccounts), "EndSessionsAsync", [Roles.Admin], async (sp, _, who) => await S<StaffAccounts>(sp).EndSessionsAsync(await TargetAsync(sp), who)),
        new(typeof(StaffAccounts), "UnlockAsync", [Roles.Admin], async (sp, _, who) => await S<StaffAccounts>(sp).UnlockAsync(await TargetAsync(sp), who)),
        new(typeof(StaffAccounts), "SetRolesAsync", [Roles.Admin], async (sp, _, who) => await S<StaffAccounts>(sp).SetRolesAsync(await TargetAsync(sp), [Roles.Analyst], who)),
        new(typeof(StaffAccounts), "ApproveRolesAsync", [Roles.Admin], async (sp, _, who) => await S<StaffAccounts>(sp).ApproveRolesAsync(await TargetAsync(sp), who)),
        new(typeof(StaffAccounts), "RefuseRolesAsync", [Roles.Admin], async (sp, _, who) => await S<StaffAccounts>(sp).RefuseRolesAsync(await TargetAsync(sp), who)),
        new(typeof(StaffAccounts), "SetDisabledAsync", [Roles.Admin], async (sp, _, who) => await S<StaffAccounts>(sp).SetDisabledAsync(await TargetAsync(sp), false, who)),
        new(typeof(StaffAccounts), "ResetMfaAsync", [Roles.Admin], async (sp, _, who) => await S<StaffAccounts>(sp).ResetMfaAsync(await TargetAsync(sp), who)),
        new(typeof(StaffAccounts), "ResetPasswordAsync", [Roles.Admin], async (sp, _, who) => await S<StaffAccounts>(sp).ResetPasswordAsync(await TargetAsync(sp), who)),
    ];

    /// <summary>A throwaway analyst the account calls act on.</summary>
    private static async Task<string> TargetAsync(IServiceProvider sp) =>
        (await S<StaffAccounts>(sp).CreateFromCommandLineAsync($"target.{Guid.NewGuid():N}@example.org", "Target", "Kettle-Orchard-Demo-57", [Roles.Analyst])).Id;

    public static TheoryData<string> Methods() => [.. Calls.Select(c => $"{c.Service.Name}.{c.Method}")];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Each_role_outside_the_method_is_refused_and_each_inside_is_not(string method)
    {
        var call = Calls.Single(c => $"{c.Service.Name}.{c.Method}" == method);
        var accounts = app.Services.GetRequiredService<StaffAccounts>();
        if ((await accounts.AllAsync(PersonIn[Roles.Admin])).All(u => u.Email != Disabled))
        {
            var disabled = await accounts.CreateFromCommandLineAsync(Disabled, "Disabled Analyst", "Kettle-Orchard-Demo-57", [Roles.Analyst, Roles.Supervisor, Roles.Admin, Roles.CallHandler]);
            await accounts.SetDisabledAsync(disabled.Id, true, PersonIn[Roles.Admin]);
        }
        foreach (var (role, person) in PersonIn.Select(p => (p.Key, p.Value)).Append(("disabled", Disabled)))
        {
            var reference = (await Intake.ReporterDialogueTests.ReportAsync(app)).Reference;
            var refusal = await RefusalAsync(() => call.Run(app.Services, reference, person));
            if (call.Allowed.Contains(role))
                Assert.False(refusal?.StartsWith("Not allowed: ", StringComparison.Ordinal) ?? false, $"{method} refused {role} for their role: {refusal}");
            else
                Assert.True(refusal?.StartsWith("Not allowed: ", StringComparison.Ordinal) ?? false, $"{method} let {role} through ({refusal ?? "no refusal"})");
        }
    }

    private static async Task<string?> RefusalAsync(Func<Task> call)
    {
        try { await call(); return null; }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or ReportRejectedException) { return e.Message; }
    }

    [Fact]
    public void Every_method_that_acts_for_a_member_of_staff_is_in_the_table()
    {
        string[] actorNames = ["actor", "analyst", "supervisor", "admin", "callHandler", "owner"];
        Type[] services = [typeof(TriageService), typeof(DisseminationService), typeof(ForceAdministration), typeof(BankHolidayCalendar), typeof(IntakeService),
            typeof(IntakeDraftService), typeof(SupervisionExports), typeof(UndecidedReview), typeof(StaffAccounts)];
        var acting = services.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(string) && actorNames.Contains(p.Name)))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct().Order().ToList();
        var covered = Calls.Select(c => $"{c.Service.Name}.{c.Method}").ToHashSet();
        Assert.All(acting, m => Assert.Contains(m, covered));
    }
}
