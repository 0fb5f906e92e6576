using System.Text;
using System.Text.RegularExpressions;
using Nacars.Core;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Core.Forces;
using PigDocument = UglyToad.PdfPig.PdfDocument;

using static Nacars.Tests.Infrastructure.PdfText;

namespace Nacars.Tests.Dissemination;

/// <summary>The information report as a force receives it: rendered by the real PDFsharp renderer and read back with
/// PdfPig. PdfPig's page text glues separate text runs together, so comparisons ignore whitespace.</summary>
public class InformationReportPdfTests
{
    private const string Analyst = "analyst@demo.nacars.test";
    private const string ServiceName = "National Anti-Corruption and Abuse Reporting Service";
    private static readonly DateTime Received = new(2026, 11, 28, 21, 47, 0, DateTimeKind.Utc);   // GMT: UK time = UTC
    private static readonly DateTime Prepared = new(2026, 11, 29, 9, 15, 0, DateTimeKind.Utc);
    private static readonly ServiceIdentity Service = new();
    private static readonly Force Kent = new("kent", "Kent Police", "anti-corruption.kent@example.org", "01632 960001", "01632 961001");

    private readonly PdfInformationReportRenderer _renderer = new();

    private static InformationReport Report(
        string account = "An officer is alleged to have taken cash in return for police information.",
        bool urgent = false, FastTimeCall? call = null, Grading? grading = null, ReporterDetails? reporter = null,
        DateTime? received = null, Channel channel = Channel.Online) =>
        new(ServiceName, Service.QueriesContact, "NAC-7K3M-Q9XD", received ?? Received, channel, "Kent Police", urgent,
            ["Money or favours for information or influence", "Inappropriate association"],
            new SubjectDetails("Daniel HART", "PC", "4471", "Maidstone station"), account,
            grading ?? new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), call, reporter, Prepared);

    private static Contact ReadyContact(ReporterDetails reporter, string account, string sanitised, bool urgent = false)
    {
        var contact = Contact.Receive(Reference.NewReference(), Channel.Telephone, Received, new ReportedFacts
        {
            Account = account,
            Categories = ["money-or-favours", "inappropriate-association"],
            ForceCode = "kent",
            Subject = new SubjectDetails("Daniel HART", "PC", "4471", "Maidstone station"),
            WhenHappened = "Friday night",
            WhereHappened = "Station car park",
            HowKnown = "HOWKNOWN-CANARY my neighbour told me",
            ImmediateDanger = urgent,
            Reporter = reporter,
        }, "hash");
        contact.Claim(Analyst, Received);
        foreach (var check in Enum.GetValues<ThresholdCheck>()) contact.Tick(check, true, Analyst, Received);
        contact.WriteSanitisedAccount(sanitised, Analyst);
        contact.Grade(new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Analyst);
        return contact;
    }

    [Fact]
    public void Every_field_a_force_needs_is_on_the_report()
    {
        var pdf = Read(_renderer.Render(Report()));

        Assert.Equal(1, pdf.PageCount);
        var page = pdf.Pages[0];
        Assert.True(pdf.Contains(ServiceName));
        Assert.Equal(2, Occurrences(page, "OFFICIAL-SENSITIVE"));          // top and bottom
        Assert.True(pdf.Contains("Information report NAC-7K3M-Q9XD"));
        Assert.True(pdf.Contains("Page 1 of 1"));
        Assert.True(pdf.Contains("Kent Police"));
        Assert.True(pdf.Contains("Sat 28 Nov 2026 21:47 (UK)"));
        Assert.True(pdf.Contains("Online"));
        Assert.True(pdf.Contains("Money or favours for information or influence"));
        Assert.True(pdf.Contains("Inappropriate association"));
        Assert.True(pdf.Contains("Grading (3x5x2)"));
        Assert.True(pdf.Contains("2 · C · P"));
        Assert.True(pdf.Contains("PC, 4471, Daniel HART, Maidstone station"));
        Assert.True(pdf.Contains("Information (sanitised)"));
        Assert.True(pdf.Contains("An officer is alleged to have taken cash in return for police information."));
        Assert.True(pdf.Contains("Handling"));
        Assert.True(pdf.Contains("P — lawful sharing permitted."));
        Assert.True(pdf.Contains($"Queries about this report: {Service.QueriesContact}, quoting reference NAC-7K3M-Q9XD."));
        Assert.True(pdf.Contains("Routine"));
        Assert.False(pdf.Contains("URGENT"));
    }

    [Fact]
    public void The_received_time_is_shown_in_UK_time_including_summer_time()
    {
        // 12:00 UTC on 1 July is 13:00 BST.
        var pdf = Read(_renderer.Render(Report(received: new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc), channel: Channel.Telephone)));
        Assert.True(pdf.Contains("Wed 1 Jul 2026 13:00 (UK)"));
        Assert.True(pdf.Contains("Telephone"));
    }

    [Fact]
    public void Handling_code_C_carries_its_conditions()
    {
        var pdf = Read(_renderer.Render(Report(grading: new Grading(SourceEvaluation.Reliable, IntelligenceAssessment.B, HandlingCode.C, "Not to be disclosed to the subject's team"))));
        // The College of Policing's 3x5x2: the source by number, the information by letter, each with its meaning.
        Assert.True(pdf.Contains("1 · B · C"));
        Assert.True(pdf.Contains("1, reliable"));
        Assert.True(pdf.Contains("B, known indirectly to the source but corroborated"));
        Assert.True(pdf.Contains("C — lawful sharing permitted with conditions: Not to be disclosed to the subject's team"));
    }

    [Fact]
    public void An_urgent_report_carries_the_URGENT_banner_and_the_fast_time_call()
    {
        var call = new FastTimeCall(new DateTime(2026, 11, 28, 22, 5, 0, DateTimeKind.Utc), "01632 961001", "Insp. Rowe", "Accepted; unit dispatched", Analyst);
        var pdf = Read(_renderer.Render(Report(urgent: true, call: call)));

        Assert.True(pdf.Contains("URGENT — fast-time call made 22:05"));
        Assert.True(pdf.Contains("URGENT — needs immediate police attention"));
        Assert.True(pdf.Contains("Fast-time call"));
        Assert.True(pdf.Contains("Spoke to Insp. Rowe. Outcome: Accepted; unit dispatched"));
    }

    [Fact]
    public void An_urgent_report_without_a_call_record_still_says_URGENT()
    {
        var pdf = Read(_renderer.Render(Report(urgent: true)));
        Assert.True(pdf.Contains("URGENT"));
        Assert.False(pdf.Contains("Fast-time call"));
    }

    [Fact]
    public void Built_from_a_contact_the_report_carries_the_sanitised_account_never_the_original()
    {
        var contact = ReadyContact(ReporterDetails.Anonymous,
            account: "ORIGINAL-CANARY I am Mrs Jane Smith of 12 Acacia Avenue and PC Hart took £500 from my son.",
            sanitised: "SANITISED-TEXT A member of the public alleges the officer accepted money.");
        Assert.NotEqual(contact.Reported.Account, contact.SanitisedAccount);

        var report = InformationReport.From(contact, Kent, Service, Prepared);
        var pdf = Read(_renderer.Render(report));

        Assert.True(pdf.Contains("SANITISED-TEXT A member of the public alleges the officer accepted money."));
        Assert.False(pdf.Contains("ORIGINAL-CANARY"));
        Assert.False(pdf.Contains("Acacia"));
        Assert.False(pdf.Contains("Jane Smith"));
        Assert.False(pdf.Contains("HOWKNOWN-CANARY"));
        Assert.True(pdf.Contains(contact.Reference));
        Assert.True(pdf.Contains("Telephone"));
        Assert.True(pdf.Contains("Inappropriate association"));
    }

    [Fact]
    public void A_contact_without_a_sanitised_account_cannot_become_a_report()
    {
        var contact = ReadyContact(ReporterDetails.Anonymous, "Original account", "placeholder");
        contact.WriteSanitisedAccount("  ", Analyst);
        Assert.Throws<DomainRuleException>(() => InformationReport.From(contact, Kent, Service, Prepared));
    }

    [Fact]
    public void Reporter_details_are_shown_when_the_reporter_consented_to_force_contact()
    {
        var reporter = new ReporterDetails(false, "Alex Reporter", "07700 900123", "alex.reporter@example.org", ConsentToForceContact: true);
        var pdf = Read(_renderer.Render(InformationReport.From(ReadyContact(reporter, "Account", "Sanitised"), Kent, Service, Prepared)));

        Assert.True(pdf.Contains("Consented to contact by the force investigation team."));
        Assert.True(pdf.Contains("Name: Alex Reporter"));
        Assert.True(pdf.Contains("Phone: 07700 900123"));
        Assert.True(pdf.Contains("Email: alex.reporter@example.org"));
        Assert.False(pdf.Contains("Reporter chose to remain anonymous"));
    }

    [Fact]
    public void An_anonymous_reporter_stays_anonymous_even_if_details_were_typed()
    {
        var reporter = new ReporterDetails(true, "Alex Reporter", "07700 900123", "alex.reporter@example.org", ConsentToForceContact: true);
        var pdf = Read(_renderer.Render(InformationReport.From(ReadyContact(reporter, "Account", "Sanitised"), Kent, Service, Prepared)));

        Assert.True(pdf.Contains("Reporter chose to remain anonymous."));
        Assert.False(pdf.Contains("07700 900123"));
        Assert.False(pdf.Contains("Alex Reporter"));
        Assert.False(pdf.Contains("alex.reporter@example.org"));
    }

    [Fact]
    public void A_named_reporter_who_did_not_consent_to_force_contact_is_not_shown()
    {
        var reporter = new ReporterDetails(false, "Alex Reporter", "07700 900123", "alex.reporter@example.org", ConsentToForceContact: false);
        var report = InformationReport.From(ReadyContact(reporter, "Account", "Sanitised"), Kent, Service, Prepared);
        Assert.Null(report.ConsentedReporter);
        var pdf = Read(_renderer.Render(report));

        Assert.True(pdf.Contains("Reporter chose to remain anonymous."));
        Assert.False(pdf.Contains("07700 900123"));
        Assert.False(pdf.Contains("Alex Reporter"));
        Assert.False(pdf.Contains("alex.reporter@example.org"));
    }

    [Fact]
    public void Markup_in_the_account_is_printed_literally()
    {
        const string payload = "<script>alert('x')</script> <b>bold?</b> &amp; %PDF-1.7 ) Tj (";
        var pdf = Read(_renderer.Render(Report(account: "Before " + payload + " after")));
        Assert.True(pdf.Contains("<script>alert('x')</script>"));
        Assert.True(pdf.Contains("<b>bold?</b> &amp; %PDF-1.7 ) Tj ("));
        Assert.True(pdf.Contains("after"));
    }

    [Fact]
    public void A_very_long_account_flows_over_numbered_pages_each_marked()
    {
        var words = string.Join(" ", Enumerable.Range(0, 15_000).Select(i => $"word{i}"));
        var account = "START-OF-ACCOUNT " + words + " END-OF-ACCOUNT";
        var pdf = Read(_renderer.Render(Report(account: account)));

        Assert.True(pdf.PageCount >= 5, $"Expected several pages, got {pdf.PageCount}.");
        for (var n = 1; n <= pdf.PageCount; n++)
        {
            var page = pdf.Pages[n - 1];
            Assert.Contains(Squash($"Page {n} of {pdf.PageCount}"), Squash(page));
            Assert.Equal(2, Occurrences(page, "OFFICIAL-SENSITIVE"));
            Assert.Contains("NAC-7K3M-Q9XD", page);
            Assert.Contains(Squash(ServiceName), Squash(page));
        }
        // Nothing is lost at the page breaks: every word is there, in order, exactly once.
        var all = Squash(pdf.All);
        Assert.Contains("START-OF-ACCOUNT", Squash(pdf.Pages[0]));
        Assert.Contains("END-OF-ACCOUNT", all);
        var last = -1;
        foreach (var i in new[] { 0, 1, 999, 5_000, 7_777, 12_345, 14_999 })
        {
            var at = all.IndexOf($"word{i}word{i + 1}", StringComparison.Ordinal);
            if (i == 14_999) at = all.IndexOf("word14999END-OF-ACCOUNT", StringComparison.Ordinal);
            Assert.True(at > last, $"word{i} missing or out of order");
            last = at;
        }
        // The closing lines come after the account, on the last page.
        Assert.Contains(Squash("Queries about this report"), Squash(pdf.Pages[^1]));
    }

    [Fact]
    public void Accents_Cyrillic_and_emoji_render_without_error()
    {
        var account = "Café owner Zoë said the officer was paid. Привет, мир. Łódź. Emoji: 😀 👮‍♂️ done.";
        var bytes = _renderer.Render(Report(account: account) with { Subject = new SubjectDetails("Иван Петров", "PC", null, "Gare du Nord — café") });
        var pdf = Read(bytes);

        Assert.True(pdf.Contains("Café owner Zoë said the officer was paid."));
        Assert.True(pdf.Contains("Привет, мир."));
        Assert.True(pdf.Contains("Łódź."));
        Assert.True(pdf.Contains("Иван Петров"));
        Assert.True(pdf.Contains("done."));
        // Characters outside the embedded font become a visible box rather than vanishing silently.
        Assert.True(pdf.Contains("Emoji: □"));
    }

    [Fact]
    public void Characters_the_embedded_fonts_lack_become_a_box_instead_of_vanishing()
    {
        // Chinese is in no DejaVu font; Hebrew is left out of the embedded subset (PDFsharp cannot lay it out right
        // to left). Either way the reader must see that something was there.
        var account = "Names given: 王伟 and שלום, then the rest of the account.";
        var pdf = Read(_renderer.Render(Report(account: account) with { Subject = new SubjectDetails("王伟", "PC", null, null) }));

        Assert.True(pdf.Contains("Names given: □□ and □□□□, then the rest of the account."));
        Assert.True(pdf.Contains("□□"));
        Assert.False(pdf.Contains("王"));
    }

    [Fact]
    public void The_pdf_metadata_names_the_report_the_service_and_the_marking()
    {
        var bytes = _renderer.Render(Report());
        using var pdf = PigDocument.Open(bytes);
        Assert.Equal("Information report NAC-7K3M-Q9XD", pdf.Information.Title);
        Assert.Equal(ServiceName, pdf.Information.Author);
        Assert.Equal("OFFICIAL-SENSITIVE", pdf.Information.Subject);
    }
}
