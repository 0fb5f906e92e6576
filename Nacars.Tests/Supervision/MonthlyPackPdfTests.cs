using System.Text;
using System.Text.RegularExpressions;
using Nacars.Core;
using Nacars.Core.Supervision;
using PigDocument = UglyToad.PdfPig.PdfDocument;

using static Nacars.Tests.Infrastructure.PdfText;

namespace Nacars.Tests.Supervision;

/// <summary>The monthly pack as a force receives it: rendered by the real PDFsharp renderer and read back with PdfPig,
/// as the information report is. PdfPig's page text glues separate text runs together, so comparisons ignore
/// whitespace; a label and its figure are drawn one after the other, so "Disseminated to you 5" checks the figure in
/// its place, not just somewhere on the page.</summary>
public class MonthlyPackPdfTests
{
    private const string ServiceName = "National Anti-Corruption and Abuse Reporting Service";
    private static readonly ServiceIdentity Service = new();
    private static readonly DateTime Prepared = new(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc);   // GMT: UK time = UTC
    private static readonly DateTime FirstSent = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private readonly MonthlyPackRenderer _renderer = new();

    /// <summary>November 2026 for Kent: 12 contacts, 5 sent, 7 not (4 + 3), 2 urgent with 2 calls, 4 of the 5 reports
    /// acknowledged, 1 reminder, 3 outcomes known.</summary>
    private static MonthlyPack Pack(IReadOnlyList<PackReport>? reports = null) =>
        new("kent", "Kent Police", "2026-11", Prepared, ServiceName, Service.QueriesContact,
            Contacts: 12, Disseminated: 5, NotDisseminated: [new("Insufficient detail", 4), new("Personal complaint", 3)],
            Urgent: 2, FastTimeCalls: 2, Acknowledged: 4, MedianAcknowledgeWorkingHours: 3.5, P90AcknowledgeWorkingHours: 11.0,
            RemindersSent: 1, Outcomes: [new("Investigation opened", 2), new("No further action", 1)],
            Reports: reports ?? Reports(5), NationalRate: 0.352, PilotRate: 0.35);

    /// <summary>Report i sent i hours after the first; the first two urgent, the first four acknowledged three hours
    /// later, outcomes known for the first three.</summary>
    private static List<PackReport> Reports(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => new PackReport($"NAC-2611-{i:0000}", FirstSent.AddHours(i), Urgent: i <= 2,
            AcknowledgedAtUtc: i <= 4 ? FirstSent.AddHours(i + 3) : null, AcknowledgeWorkingHours: i <= 4 ? 3.5 : null,
            Outcome: i switch { 1 or 2 => "Investigation opened", 3 => "No further action", _ => null })),
    ];

    private static string FileId(byte[] bytes) =>
        Regex.Match(Encoding.Latin1.GetString(bytes), @"/ID\[<([0-9A-F]{32})><\1>\]").Groups[1].Value;

    [Fact]
    public void Every_figure_is_in_the_pack_beside_its_label()
    {
        var pdf = Read(_renderer.Render(Pack()));

        for (var n = 1; n <= pdf.PageCount; n++)
        {
            Assert.Equal(2, Occurrences(pdf.Pages[n - 1], "OFFICIAL"));   // top and bottom
            Assert.Contains(Squash($"Page {n} of {pdf.PageCount}"), Squash(pdf.Pages[n - 1]));
        }
        Assert.True(pdf.Contains("NACARS monthly pack — Kent Police"));
        Assert.True(pdf.Contains("November 2026"));
        Assert.True(pdf.Contains($"Prepared Tue 1 Dec 2026 07:00 (UK) by the {ServiceName}."));

        Assert.True(pdf.Contains("Contacts about your force"));
        Assert.True(pdf.Contains("Contacts received 12"));
        Assert.True(pdf.Contains("Disseminated to you 5"));
        Assert.True(pdf.Contains("Not disseminated 7"));
        Assert.True(pdf.Contains("Insufficient detail 4"));
        Assert.True(pdf.Contains("Personal complaint 3"));
        Assert.False(pdf.Contains("Still being assessed"));   // 5 + 7 = 12: every contact was decided

        Assert.True(pdf.Contains("Urgent reports 2"));
        Assert.True(pdf.Contains("Fast-time calls made 2"));

        Assert.True(pdf.Contains("Reports acknowledged 4 of 5 sent"));
        Assert.True(pdf.Contains("Median time to acknowledge 3.5 working hours"));
        Assert.True(pdf.Contains("90th percentile time to acknowledge 11.0 working hours"));
        Assert.True(pdf.Contains("Reminders sent 1"));

        Assert.True(pdf.Contains("Outcomes you have told us"));
        Assert.True(pdf.Contains("Investigation opened 2"));
        Assert.True(pdf.Contains("No further action 1"));
        Assert.False(pdf.Contains("None yet"));

        Assert.True(pdf.Contains("National picture"));
        Assert.True(pdf.Contains("Nationally, 35.2% of the contacts received in November 2026 were disseminated to a force."));
        Assert.True(pdf.Contains("The pilot disseminated 35%."));
        Assert.True(pdf.Contains($"Queries about this pack: {Service.QueriesContact}."));
    }

    [Fact]
    public void Each_report_sent_is_a_row_with_its_times_in_UK_time_and_what_the_force_did()
    {
        var pdf = Read(_renderer.Render(Pack()));

        Assert.True(pdf.Contains("Reference Sent (UK) Urgent Acknowledged (UK) Working hours Outcome"));
        for (var i = 1; i <= 5; i++) Assert.Equal(1, Occurrences(pdf.All, $"NAC-2611-{i:0000}"));
        Assert.True(pdf.Contains("NAC-2611-0001 Mon 2 Nov 2026 10:00 Yes Mon 2 Nov 2026 13:00 3.5 Investigation opened"));
        Assert.True(pdf.Contains("NAC-2611-0003 Mon 2 Nov 2026 12:00 No Mon 2 Nov 2026 15:00 3.5 No further action"));
        Assert.True(pdf.Contains("NAC-2611-0005 Mon 2 Nov 2026 14:00 No not yet — not known"));
    }

    [Fact]
    public void A_long_list_of_reports_runs_over_pages_each_marked_and_headed()
    {
        var pdf = Read(_renderer.Render(Pack(Reports(120))));

        Assert.True(pdf.PageCount > 1, $"Expected several pages, got {pdf.PageCount}.");
        for (var n = 1; n <= pdf.PageCount; n++)
        {
            var page = pdf.Pages[n - 1];
            Assert.Equal(2, Occurrences(page, "OFFICIAL"));   // top and bottom
            Assert.Contains(Squash($"Page {n} of {pdf.PageCount}"), Squash(page));
            // A page the table runs onto says again what its columns are.
            if (page.Contains("NAC-2611-", StringComparison.Ordinal))
                Assert.Contains(Squash("Reference Sent (UK) Urgent Acknowledged (UK)"), Squash(page));
        }
        // Nothing is lost or repeated at the page breaks, and the rows keep their order.
        var all = Squash(pdf.All);
        var last = -1;
        for (var i = 1; i <= 120; i++)
        {
            var reference = $"NAC-2611-{i:0000}";
            Assert.Equal(1, Occurrences(pdf.All, reference));
            var at = all.IndexOf(reference, StringComparison.Ordinal);
            Assert.True(at > last, $"{reference} is out of order");
            last = at;
        }
        Assert.Contains(Squash("The pilot disseminated 35%."), Squash(pdf.Pages[^1]));
    }

    [Fact]
    public void The_same_pack_renders_to_the_same_bytes_and_another_pack_to_another_file()
    {
        var first = _renderer.Render(Pack());
        var again = new MonthlyPackRenderer().Render(Pack());

        Assert.Equal(first, again);
        Assert.Matches("^[0-9A-F]{32}$", FileId(first));
        var other = _renderer.Render(Pack() with { Contacts = 13 });
        Assert.NotEqual(FileId(first), FileId(other));
        Assert.True(Read(other).Contains("Still being assessed 1"));
    }

    [Fact]
    public void The_pdf_metadata_names_the_pack_the_service_the_marking_and_the_time_prepared()
    {
        using var pdf = PigDocument.Open(_renderer.Render(Pack()));

        Assert.Equal("NACARS monthly pack kent 2026-11", pdf.Information.Title);
        Assert.Equal(ServiceName, pdf.Information.Author);
        Assert.Equal("OFFICIAL", pdf.Information.Subject);
        Assert.Equal(new DateTimeOffset(Prepared), pdf.Information.GetCreatedDateTimeOffset());
        Assert.Equal(new DateTimeOffset(Prepared), pdf.Information.GetModifiedDateTimeOffset());
    }

    [Fact]
    public void A_month_with_nothing_sent_or_known_says_so()
    {
        var empty = Pack([]) with
        {
            Contacts = 3, Disseminated = 0, NotDisseminated = [], Urgent = 0, FastTimeCalls = 0, Acknowledged = 0,
            MedianAcknowledgeWorkingHours = null, P90AcknowledgeWorkingHours = null, RemindersSent = 0, Outcomes = [],
        };
        var pdf = Read(_renderer.Render(empty));

        Assert.True(pdf.Contains("Contacts received 3"));
        Assert.True(pdf.Contains("Disseminated to you 0"));
        Assert.True(pdf.Contains("Not disseminated 0"));
        Assert.True(pdf.Contains("Still being assessed 3"));
        Assert.False(pdf.Contains("Why contacts were not disseminated"));
        Assert.True(pdf.Contains("Reports acknowledged 0 of 0 sent"));
        Assert.True(pdf.Contains("Median time to acknowledge —"));
        Assert.True(pdf.Contains("90th percentile time to acknowledge —"));
        Assert.True(pdf.Contains("Outcomes you have told us None yet."));
        Assert.True(pdf.Contains("No reports were sent to you in November 2026."));
        Assert.False(pdf.Contains("Acknowledged (UK)"));
    }

    [Fact]
    public void Nothing_of_a_reporter_is_in_the_pack_nor_any_email_address()
    {
        // A pack is built only from counts, labels and report references; the renderer must add nothing of its own
        // that identifies a person: no reporter section, no address, not even the service's own mailboxes.
        var bytes = _renderer.Render(Pack(Reports(12)));
        var pdf = Read(bytes);
        using var document = PigDocument.Open(bytes);
        var info = document.Information;

        Assert.DoesNotContain("@", pdf.All);
        foreach (var field in new[] { info.Title, info.Author, info.Subject, info.Keywords, info.Creator, info.Producer })
            Assert.DoesNotContain("@", field ?? "");
        foreach (var word in new[] { "Reporter", "reporter", "anonymous", "Name:", "Phone:", "Email:", "Information (sanitised)", "OFFICIAL-SENSITIVE" })
            Assert.False(pdf.Contains(word), $"The pack says '{word}'.");
    }
}
