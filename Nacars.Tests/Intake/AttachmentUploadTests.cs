using Nacars.Core.Contacts;
using System.Net;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Audit;
using Nacars.Core.Intake.Attachments;
using Nacars.Core.Triage;
using Nacars.Tests.Intake.Attachments;

namespace Nacars.Tests.Intake;

/// <summary>Files on the public form and on follow-ups, posted as multipart to the real app: cleaned by the existing
/// engine, stored encrypted, refused with a clear message and nothing half-saved, and every staff view audited.</summary>
public class AttachmentUploadTests(ReporterDialogueTests.App app) : IClassFixture<ReporterDialogueTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> ContactCountAsync()
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.Contacts.CountAsync(Ct);
    }

    private string StoreFolder => Path.Combine(app.DataRoot, "attachments");
    private int StoredFiles => System.IO.Directory.Exists(StoreFolder) ? System.IO.Directory.GetFiles(StoreFolder, "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task A_phone_photo_posted_with_the_report_comes_back_without_GPS_or_serial_number_and_is_encrypted_on_disk()
    {
        var photo = TestFiles.PhoneJpeg(320, 200);
        // The original as it leaves the phone: GPS and the camera's serial number are there to be found.
        var before = ImageMetadataReader.ReadMetadata(new MemoryStream(photo));
        Assert.Single(before.OfType<GpsDirectory>());
        Assert.Equal(TestFiles.Serial, before.OfType<ExifSubIfdDirectory>().Single().GetString(ExifDirectoryBase.TagBodySerialNumber));

        var client = app.CreateAnonymousClient();
        var response = await PublicPosts.MultipartAsync(client, "/report", "report", PublicPosts.Report("An officer photographed at the scene taking an envelope of cash."),
            "Report.Files", [(photo, "IMG_0042 Jane at home.jpg", "image/jpeg")]);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reference = PublicPosts.ReferenceIn(html);
        Assert.NotEmpty(reference);

        var contact = (await app.Services.GetRequiredService<TriageService>().ReloadAsync(reference, Ct))!;
        var attachment = Assert.Single(contact.Attachments);
        Assert.Equal(AttachmentKind.Picture, attachment.Kind);
        Assert.DoesNotContain("Jane", attachment.FileName);
        Assert.Equal((320, 200), (attachment.Width, attachment.Height));

        await using var stored = await app.Services.GetRequiredService<IAttachmentStore>().OpenReadAsync(attachment.StoreKey, Ct);
        var clean = new MemoryStream();
        await stored.CopyToAsync(clean, Ct);
        var after = ImageMetadataReader.ReadMetadata(new MemoryStream(clean.ToArray()));
        Assert.Empty(after.OfType<GpsDirectory>());
        Assert.DoesNotContain(after.OfType<ExifSubIfdDirectory>(), d => d.ContainsTag(ExifDirectoryBase.TagBodySerialNumber));
        Assert.DoesNotContain(after.SelectMany(d => d.Tags), t => t.Description?.Contains(TestFiles.Serial, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(after.SelectMany(d => d.Tags), t => t.Description?.Contains(TestFiles.Model, StringComparison.Ordinal) == true);

        // At rest: neither a JPEG nor anything readable.
        var onDisk = Assert.Single(System.IO.Directory.GetFiles(StoreFolder, attachment.StoreKey + "*", SearchOption.AllDirectories));
        var bytes = await File.ReadAllBytesAsync(onDisk, Ct);
        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(clean.ToArray().AsSpan(0, 64)));
    }

    public static TheoryData<string, byte[], string> HostileFiles() => new()
    {
        { "truncated JPEG", TestFiles.PhoneJpeg(200, 100)[..600], "damaged" },
        { "a lying Content-Type (an HTML page called a JPEG)", "<html><script>alert(1)</script></html>"u8.ToArray(), "cannot be accepted" },
        { "a PNG decompression bomb", TestFiles.PngBomb(), "too large" },
        { "a polyglot (a PDF after a ZIP header)", [.. "PK\u0003\u0004"u8, .. TestFiles.RawPdf(TestFiles.OnePage("hi"))], "cannot be accepted" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_gets_a_clear_message_the_typed_report_comes_back_and_nothing_is_saved(string what, byte[] file, string message)
    {
        var contactsBefore = await ContactCountAsync();
        var filesBefore = StoredFiles;
        var client = app.CreateAnonymousClient();
        // A good photo first: it is cleaned and stored before the hostile one is refused, and must not stay behind.
        var response = await PublicPosts.MultipartAsync(client, "/report", "report", PublicPosts.Report($"Words the reporter typed before attaching {what}."),
            "Report.Files", [(TestFiles.PhoneJpeg(), "good.jpg", "image/jpeg"), (file, "photo.jpg", "image/jpeg")]);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("data-testid=\"error-summary\"", html);
        Assert.Contains(message, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Words the reporter typed before attaching {System.Net.WebUtility.HtmlEncode(what)}.", html);
        Assert.Equal(contactsBefore, await ContactCountAsync());
        Assert.Equal(filesBefore, StoredFiles);
    }

    [Fact]
    public async Task More_files_than_allowed_are_refused_and_the_words_come_back()
    {
        var contactsBefore = await ContactCountAsync();
        var photo = TestFiles.PhoneJpeg();
        var response = await PublicPosts.MultipartAsync(app.CreateAnonymousClient(), "/report", "report", PublicPosts.Report("Six photos of the same officer, too many."),
            "Report.Files", Enumerable.Range(0, 6).Select(i => (photo, $"p{i}.jpg", "image/jpeg")));
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("You can attach up to 5 files.", html);
        Assert.Contains("Six photos of the same officer, too many.", html);
        Assert.Equal(contactsBefore, await ContactCountAsync());
    }

    [Fact]
    public async Task A_follow_up_can_carry_a_file_and_an_analysts_view_and_download_are_each_audited()
    {
        var report = await ReporterDialogueTests.ReportAsync(app);
        var client = app.CreateAnonymousClient();
        var response = await PublicPosts.MultipartAsync(client, "/report/follow-up", "follow-up",
            [new("FollowUp.Reference", report.Reference), new("FollowUp.Code", report.FollowUpCode), new("FollowUp.Action", "send"), new("FollowUp.Text", "A photo of the car.")],
            "FollowUp.Files", [(TestFiles.PhoneJpeg(), "car.jpg", "image/jpeg")]);
        var added = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(added.Contains("data-testid=\"followup-added\"", StringComparison.Ordinal),
            string.Join("\n", app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(2)));
        var contact = (await app.Services.GetRequiredService<TriageService>().ReloadAsync(report.Reference, Ct))!;
        var attachment = Assert.Single(contact.Attachments);
        Assert.Equal(Assert.Single(contact.FollowUps).Id, attachment.FollowUpId);

        var analyst = await app.SignInAsync(ReporterDialogueTests.Analyst);
        var view = await analyst.GetAsync($"/triage/{report.Reference}/attachments/{attachment.Id:N}", Ct);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal("image/jpeg", view.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("sandbox", string.Join(";", view.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(attachment.Length, (await view.Content.ReadAsByteArrayAsync(Ct)).Length);
        var download = await analyst.GetAsync($"/triage/{report.Reference}/attachments/{attachment.Id:N}?download=true", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.Content.Headers.ContentDisposition is { DispositionType: "attachment" }, download.ToString() + download.Content.Headers);

        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.ContactReference == report.Reference).Select(e => e.Action).ToListAsync(Ct);
        Assert.Contains(AuditActions.AttachmentViewed, audit);
        Assert.Contains(AuditActions.AttachmentDownloaded, audit);

        // A call handler may not open a reporter's file.
        var handler = await app.SignInAsync("callhandler@demo.nacars.test");
        var refused = await handler.GetAsync($"/triage/{report.Reference}/attachments/{attachment.Id:N}", Ct);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden || refused.Headers.Location?.ToString().Contains("AccessDenied") == true, refused.StatusCode.ToString());
    }
}
