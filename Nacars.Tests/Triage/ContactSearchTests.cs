using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Intake;
using Nacars.Core.Triage;

namespace Nacars.Tests.Triage;

/// <summary>Search across every status and date, on the real SQLite database: each filter, the subject matched through
/// keyed hashes (never in the clear), and keyset paging with no gaps or repeats.</summary>
public class ContactSearchTests : IClassFixture<ContactSearchTests.SmallPages>
{
    /// <summary>Three rows a page, so paging is exercised with a handful of contacts.</summary>
    public sealed class SmallPages : WorkbenchFactory
    {
        public SmallPages() => Settings["Nacars:Triage:QueuePageSize"] = "3";
    }

    private readonly SmallPages _app;
    public ContactSearchTests(SmallPages app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ContactSearch Search => _app.Services.GetRequiredService<ContactSearch>();
    private TriageService Triage => _app.Services.GetRequiredService<TriageService>();
    private IntakeService Intake => _app.Services.GetRequiredService<IntakeService>();

    private async Task<string> SubmitAsync(string force, string? subjectName = null, string? subjectNumber = null, bool danger = false) =>
        (await Intake.SubmitOnlineAsync(new ReportSubmission
        {
            Account = $"Search test: an officer in {force} is selling information to a local dealer.",
            ForceCode = force, SubjectName = subjectName, SubjectNumber = subjectNumber, ImmediateDanger = danger,
        }, Ct)).Reference;

    [Fact]
    public async Task The_subject_is_found_by_collar_number_or_surname_however_typed_without_being_stored_in_the_clear()
    {
        var reference = await SubmitAsync("cumbria", "Daniel O'Hartigan", "PC 4471");

        foreach (var number in new[] { "4471", "PC4471", "pc 4471", " 4471 " })
            Assert.Contains(reference, (await Search.SearchAsync(new QueueFilter(StatusFilter.Any, SubjectNumber: number), ct: Ct)).Items.Select(i => i.Reference));
        foreach (var surname in new[] { "O'Hartigan", "ohartigan", "OHARTIGAN", "Dan O’Hartigan" })
            Assert.Contains(reference, (await Search.SearchAsync(new QueueFilter(StatusFilter.Any, SubjectSurname: surname), ct: Ct)).Items.Select(i => i.Reference));
        Assert.DoesNotContain(reference, (await Search.SearchAsync(new QueueFilter(StatusFilter.Any, SubjectNumber: "4417"), ct: Ct)).Items.Select(i => i.Reference));
        Assert.DoesNotContain(reference, (await Search.SearchAsync(new QueueFilter(StatusFilter.Any, SubjectSurname: "Hartigan"), ct: Ct)).Items.Select(i => i.Reference));

        // At rest: the name and number are cipher text, and the identifiers are keyed hashes (not a plain hash of the value).
        await using var db = await _app.Db.CreateDbContextAsync(Ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ReportedSubject_Name\", \"ReportedSubject_Number\", \"Subject_Name\" FROM \"Contacts\" WHERE \"Reference\" = $r";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$r";
        parameter.Value = reference;
        command.Parameters.Add(parameter);
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            Assert.True(await reader.ReadAsync(Ct));
            for (var i = 0; i < 3; i++)
            {
                var stored = reader.GetString(i);
                Assert.DoesNotContain("Hartigan", stored, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("4471", stored);
            }
        }
        var hashes = await db.ContactIdentifiers.Where(i => db.Contacts.Any(c => c.Id == i.ContactId && c.Reference == reference)).ToListAsync(Ct);
        Assert.Contains(hashes, h => h.Kind == IdentifierKinds.SubjectNumber);
        Assert.Contains(hashes, h => h.Kind == IdentifierKinds.SubjectSurname);
        var plain = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{IdentifierKinds.SubjectNumber}\n4471")), 0, 16);
        Assert.DoesNotContain(hashes, h => h.Hash == plain);
    }

    [Fact]
    public async Task A_corrected_subject_is_found_by_both_the_reported_and_the_corrected_names()
    {
        var analyst = await _app.StaffAsync("search-corrector@demo.nacars.test");
        var reference = await SubmitAsync("cumbria", "Steve Marrick", null);
        await Triage.ClaimAsync(reference, analyst, Ct);
        await Triage.CorrectSubjectAsync(reference, analyst, new SubjectDetails("Stephen Marwick", "PS", "3306", "Carlisle"), Ct);

        Assert.Single((await Search.SearchAsync(new QueueFilter(StatusFilter.Any, SubjectSurname: "Marwick"), ct: Ct)).Items, i => i.Reference == reference);
        Assert.Single((await Search.SearchAsync(new QueueFilter(StatusFilter.Any, SubjectSurname: "Marrick"), ct: Ct)).Items, i => i.Reference == reference);
        Assert.Single((await Search.SearchAsync(new QueueFilter(StatusFilter.Any, SubjectNumber: "3306"), ct: Ct)).Items, i => i.Reference == reference);

        // Corrected again: the old correction no longer matches; what the reporter said still does.
        await Triage.CorrectSubjectAsync(reference, analyst, new SubjectDetails("Stephen Marlow", "PS", "3307", "Carlisle"), Ct);
        Assert.DoesNotContain((await Search.SearchAsync(new QueueFilter(StatusFilter.Any, SubjectSurname: "Marwick"), ct: Ct)).Items, i => i.Reference == reference);
        Assert.Single((await Search.SearchAsync(new QueueFilter(StatusFilter.Any, SubjectNumber: "3307"), ct: Ct)).Items, i => i.Reference == reference);
        Assert.Single((await Search.SearchAsync(new QueueFilter(StatusFilter.Any, SubjectSurname: "Marrick"), ct: Ct)).Items, i => i.Reference == reference);
    }

    [Fact]
    public async Task Each_filter_narrows_to_what_it_says_across_every_status()
    {
        var analyst = await _app.StaffAsync("search-filters@demo.nacars.test");
        var open = await SubmitAsync("north-wales");
        var urgent = await SubmitAsync("north-wales", danger: true);
        var decided = await SubmitAsync("north-wales");
        await Triage.ClaimAsync(decided, analyst, Ct);
        await Triage.DecideNotToDisseminateAsync(decided, analyst, NotDisseminatedReason.InsufficientDetail, null, Ct);
        var elsewhere = await SubmitAsync("gwent");

        async Task<IReadOnlyList<string>> Find(QueueFilter f)
        {
            var all = new List<string>();
            QueueCursor? cursor = null;
            do
            {
                var page = await Search.SearchAsync(f, cursor, Ct);
                all.AddRange(page.Items.Select(i => i.Reference));
                cursor = page.Next;
            } while (cursor is not null);
            return all;
        }

        var wales = await Find(new QueueFilter(StatusFilter.Any, ForceCode: "north-wales"));
        Assert.Contains(open, wales);
        Assert.Contains(decided, wales);
        Assert.DoesNotContain(elsewhere, wales);
        Assert.DoesNotContain(decided, await Find(new QueueFilter(ForceCode: "north-wales"))); // the open queue
        Assert.Equal([decided], await Find(new QueueFilter(StatusFilter.NotDisseminated, ForceCode: "north-wales")));
        Assert.Equal([urgent], await Find(new QueueFilter(StatusFilter.Any, ForceCode: "north-wales", Urgent: true)));
        Assert.Equal([decided], await Find(new QueueFilter(StatusFilter.Any, Analyst: analyst)));
        Assert.Empty(await Find(new QueueFilter(StatusFilter.Any, ForceCode: "north-wales", Channel: Channel.Telephone)));
        Assert.Equal([open], await Find(new QueueFilter(StatusFilter.Any, Reference: open.ToLowerInvariant().Replace("-", " "))));
        Assert.Contains(open, await Find(new QueueFilter(StatusFilter.Any, Reference: open[..6])));

        var today = DateOnly.FromDateTime(UkTime.FromUtc(DateTime.UtcNow));
        Assert.Contains(open, await Find(new QueueFilter(StatusFilter.Any, ForceCode: "north-wales", ReceivedFrom: today, ReceivedTo: today)));
        Assert.Empty(await Find(new QueueFilter(StatusFilter.Any, ForceCode: "north-wales", ReceivedTo: today.AddDays(-1))));
        Assert.Empty(await Find(new QueueFilter(StatusFilter.Any, ForceCode: "north-wales", ReceivedFrom: today.AddDays(1))));
    }

    [Fact]
    public async Task Pages_follow_one_another_without_gaps_or_repeats_in_both_orders()
    {
        var analyst = await _app.StaffAsync("search-pager@demo.nacars.test");
        var references = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var reference = await SubmitAsync("dorset", danger: i % 3 == 0);
            await Triage.ClaimAsync(reference, analyst, Ct);
            references.Add(reference);
        }

        foreach (var filter in new[] { new QueueFilter(Analyst: analyst), new QueueFilter(StatusFilter.Any, Analyst: analyst) })
        {
            var seen = new List<QueueItem>();
            QueueCursor? cursor = null;
            var pages = 0;
            do
            {
                var page = await Search.SearchAsync(filter, cursor, Ct);
                Assert.Equal(8, page.Total);
                Assert.True(page.Items.Count <= 3);
                seen.AddRange(page.Items);
                cursor = page.Next;
                pages++;
            } while (cursor is not null);

            Assert.Equal(3, pages);
            Assert.Equal(references.Order(), seen.Select(s => s.Reference).Order());
            // In the view's own order throughout: the open queue urgent first then oldest; a search newest first.
            for (var i = 1; i < seen.Count; i++) Assert.True(filter.Compare(seen[i - 1], seen[i]) < 0);
            if (filter.WorkOrder) Assert.True(seen.TakeWhile(s => s.Urgent).Count() == seen.Count(s => s.Urgent));
        }
    }

    [Fact]
    public async Task Counts_follow_open_work_and_todays_decisions()
    {
        var analyst = await _app.StaffAsync("search-counts@demo.nacars.test");
        var before = await Search.CountsAsync(Ct);
        var a = await SubmitAsync("suffolk");
        await SubmitAsync("suffolk", danger: true);
        await Triage.ClaimAsync(a, analyst, Ct);
        var after = await Search.CountsAsync(Ct);
        Assert.Equal(before.New + 1, after.New);
        Assert.Equal(before.InTriage + 1, after.InTriage);
        Assert.Equal(before.UrgentOpen + 1, after.UrgentOpen);

        await Triage.DecideNotToDisseminateAsync(a, analyst, NotDisseminatedReason.MaliciousOrTest, null, Ct);
        var decided = await Search.CountsAsync(Ct);
        Assert.Equal(after.InTriage - 1, decided.InTriage);
        Assert.Equal(after.DecidedToday + 1, decided.DecidedToday);
    }
}
