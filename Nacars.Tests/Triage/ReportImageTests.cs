using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Core.Triage;
using Nacars.Tests.Intake;
using Nacars.Tests.Intake.Attachments;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Nacars.Tests.Triage;

/// <summary>An analyst may put a reporter's cleaned picture into the information report, on a page of its own; only
/// pictures, and only those chosen.</summary>
public class ReportImageTests(ReporterDialogueTests.App app) : IClassFixture<ReporterDialogueTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_chosen_cleaned_picture_is_drawn_on_its_own_page_of_the_information_report()
    {
        var response = await PublicPosts.MultipartAsync(app.CreateAnonymousClient(), "/report", "report",
            PublicPosts.Report("An officer photographed taking an envelope in the station car park."), "Report.Files",
            [(TestFiles.PhoneJpeg(400, 300), "IMG_1.jpg", "image/jpeg"), (TestFiles.RawPdf(TestFiles.OnePage("Statement")), "statement.pdf", "application/pdf")]);
        var reference = PublicPosts.ReferenceIn(await response.Content.ReadAsStringAsync(Ct));
        Assert.NotEmpty(reference);

        var triage = app.Services.GetRequiredService<TriageService>();
        const string analyst = ReporterDialogueTests.Analyst;
        await triage.ClaimAsync(reference, analyst, Ct);
        foreach (var check in Enum.GetValues<ThresholdCheck>()) await triage.TickAsync(reference, analyst, check, true, Ct);
        await triage.WriteSanitisedAccountAsync(reference, analyst, "An officer was seen taking an envelope at the station.", Ct);
        await triage.GradeAsync(reference, analyst, new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Ct);
        var dissemination = app.Services.GetRequiredService<DisseminationService>();
        var without = Pages(dissemination.Render(await dissemination.PreviewAsync(reference, analyst, Ct)));

        var contact = (await triage.ReloadAsync(reference, Ct))!;
        var picture = contact.Attachments.Single(a => a.IsPicture);
        var pdf = contact.Attachments.Single(a => !a.IsPicture);
        // A PDF never goes to the force.
        await Assert.ThrowsAsync<DomainRuleException>(() => triage.IncludeAttachmentInReportAsync(reference, analyst, pdf.Id, true, Ct));
        await triage.IncludeAttachmentInReportAsync(reference, analyst, picture.Id, true, Ct);

        var report = await dissemination.PreviewAsync(reference, analyst, Ct);
        var bytes = dissemination.Render(report);
        using var read = PigDocument.Open(bytes);
        Assert.Equal(without + 1, read.NumberOfPages);
        var last = read.GetPage(read.NumberOfPages);
        Assert.Single(last.GetImages());
        Assert.Contains("metadataremoved", last.Text.Replace(" ", "", StringComparison.Ordinal));
        Assert.DoesNotContain("IMG_1", System.Text.Encoding.Latin1.GetString(bytes));
    }

    private static int Pages(byte[] pdf)
    {
        using var read = PigDocument.Open(pdf);
        return read.NumberOfPages;
    }
}
