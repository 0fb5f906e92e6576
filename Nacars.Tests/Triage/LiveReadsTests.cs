using Nacars.Core.LiveFloor;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Events;
using Nacars.Core.Intake;
using Nacars.Core.Triage;

namespace Nacars.Tests.Triage;

/// <summary>The reads open queues share (<see cref="LiveReads"/>) show exactly what each page's own query would: the
/// rows an event touched are filtered in memory for every filter the row can decide, and by the database when the
/// filter names the subject.</summary>
public class LiveReadsTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ContactSearch Search => app.Services.GetRequiredService<ContactSearch>();
    private LiveReads Live => app.Services.GetRequiredService<LiveReads>();
    private TriageService Triage => app.Services.GetRequiredService<TriageService>();
    private IntakeService Intake => app.Services.GetRequiredService<IntakeService>();
    private ContactNotifier Events => app.Services.GetRequiredService<ContactNotifier>();

    private async Task<string> SubmitAsync(string force, bool danger = false, string? subjectName = null, string? subjectNumber = null) =>
        (await Intake.SubmitOnlineAsync(new ReportSubmission
        {
            Account = $"Live reads test: an officer in {force} is passing information to a local dealer.",
            ForceCode = force, ImmediateDanger = danger, SubjectName = subjectName, SubjectNumber = subjectNumber,
        }, Ct)).Reference;

    [Fact]
    public async Task Rows_filtered_in_memory_match_the_database_for_every_filter()
    {
        var analyst = await app.StaffAsync("live-reads@demo.nacars.test");
        var open = await SubmitAsync("dyfed-powys");
        var urgent = await SubmitAsync("dyfed-powys", danger: true);
        var claimed = await SubmitAsync("dyfed-powys", subjectName: "Gareth Pritchard-Lowe", subjectNumber: "PC 5150");
        await Triage.ClaimAsync(claimed, analyst, Ct);
        var decided = await SubmitAsync("gwent");
        await Triage.ClaimAsync(decided, analyst, Ct);
        await Triage.DecideNotToDisseminateAsync(decided, analyst, NotDisseminatedReason.InsufficientDetail, null, Ct);
        string[] references = [open, urgent, claimed, decided, "NAC-NOT-THERE"];

        var today = DateOnly.FromDateTime(UkTime.FromUtc(DateTime.UtcNow));
        QueueFilter[] filters =
        [
            new(), new(StatusFilter.Any), new(StatusFilter.New), new(StatusFilter.InTriage), new(StatusFilter.NotDisseminated),
            new(StatusFilter.Disseminated), new(StatusFilter.NewInformation),
            new(ForceCode: "dyfed-powys"), new(StatusFilter.Any, ForceCode: "gwent"), new(StatusFilter.Any, Channel: Channel.Online),
            new(StatusFilter.Any, Channel: Channel.Telephone), new(Urgent: true), new(StatusFilter.Any, Urgent: false),
            new(StatusFilter.Any, ReceivedFrom: today, ReceivedTo: today), new(StatusFilter.Any, ReceivedTo: today.AddDays(-1)),
            new(StatusFilter.Any, ReceivedFrom: today.AddDays(1)), new(StatusFilter.Any, Analyst: analyst), new(Analyst: " " + analyst + " "),
            new(StatusFilter.Any, Reference: open), new(StatusFilter.Any, Reference: open.ToLowerInvariant().Replace("-", " ")),
            new(StatusFilter.Any, Reference: open[..6].ToLowerInvariant()), new(StatusFilter.Any, Reference: "XYZ"),
            new(StatusFilter.Any, SubjectNumber: "5150"), new(StatusFilter.Any, SubjectSurname: "pritchard-lowe"),
        ];
        foreach (var filter in filters)
        {
            var expected = (await Search.ItemsAsync(references, filter, Ct)).Select(i => i.Reference).Order().ToList();
            var shared = (await Live.ItemsAsync(references, filter, Events.Sequence)).Select(i => i.Reference).Order().ToList();
            Assert.True(expected.SequenceEqual(shared), $"{filter}: database [{string.Join(", ", expected)}], shared [{string.Join(", ", shared)}]");
        }
        Assert.Equal([claimed], (await Live.ItemsAsync(references, new QueueFilter(StatusFilter.Any, SubjectNumber: "PC5150"), Events.Sequence)).Select(i => i.Reference));
    }

    [Fact]
    public async Task A_page_that_saw_an_event_gets_rows_and_counts_that_include_it()
    {
        var reference = await SubmitAsync("cleveland");
        var before = await Live.CountsAsync(Events.Sequence);
        Assert.Equal(ContactStatus.New, (await Live.ItemsAsync([reference], new QueueFilter(), Events.Sequence)).Single().Status);

        await Triage.ClaimAsync(reference, await app.StaffAsync("live-reads-claim@demo.nacars.test"), Ct); // saved, then announced
        var seen = Events.Sequence;
        var row = (await Live.ItemsAsync([reference], new QueueFilter(), seen)).Single();
        var after = await Live.CountsAsync(seen);

        Assert.Equal(ContactStatus.InTriage, row.Status);
        Assert.Equal("live-reads-claim@demo.nacars.test", row.ClaimedBy);
        Assert.Equal(before.InTriage + 1, after.InTriage);
        Assert.Equal(before.New - 1, after.New);
    }
}
