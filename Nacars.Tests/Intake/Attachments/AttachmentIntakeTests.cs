using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nacars.Core.Intake.Attachments;
using static Nacars.Tests.Intake.Attachments.TestFiles;

namespace Nacars.Tests.Intake.Attachments;

/// <summary>Clean and store in one call, as a form handler uses it.</summary>
public sealed class AttachmentIntakeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nacars-intake-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly AttachmentCleaner _cleaner = Cleaner();
    private readonly FileSystemAttachmentStore _store;
    private readonly AttachmentIntake _intake;

    public AttachmentIntakeTests()
    {
        _store = new FileSystemAttachmentStore(_folder, DataProtection());
        _intake = new AttachmentIntake(_cleaner, _store);
    }

    public void Dispose()
    {
        _cleaner.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private string[] FilesOnDisk() => Directory.Exists(_folder) ? Directory.GetFiles(_folder, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task A_photo_is_cleaned_stored_encrypted_and_read_back_clean_under_a_generated_name()
    {
        var stored = await _intake.AcceptAsync(new MemoryStream(PhoneJpeg()), _ct);

        Assert.Matches("^attachment-[0-9a-f]{8}\\.jpg$", stored.FileName);
        Assert.Equal(("image/jpeg", 64, 32), (stored.ContentType, stored.Cleaned.Width!.Value, stored.Cleaned.Height!.Value));
        await using var read = await _store.OpenReadAsync(stored.Key, _ct);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, _ct);
        Assert.Equal(stored.Length, copy.Length);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(copy.ToArray())));
        Assert.DoesNotContain(MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(copy.ToArray())), d => d.Name == "GPS");
    }

    [Fact]
    public async Task A_refused_file_leaves_nothing_on_disk()
    {
        var refused = await Assert.ThrowsAsync<AttachmentRejectedException>(() => _intake.AcceptAsync(new MemoryStream(PngBomb()), _ct));

        Assert.Equal(AttachmentRejection.TooManyPixels, refused.Reason);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_batch_is_all_or_nothing_and_the_refusal_says_which_file()
    {
        Stream[] uploads = [new MemoryStream(PhoneJpeg()), new MemoryStream(RawPdf(OnePage("fine"))), new MemoryStream("not a photo"u8.ToArray())];

        var refused = await Assert.ThrowsAsync<AttachmentRejectedException>(() => _intake.AcceptAllAsync(uploads, _ct));

        Assert.Equal((3, AttachmentRejection.UnsupportedType), (refused.FileNumber, refused.Reason));
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_good_batch_is_stored_whole()
    {
        var stored = await _intake.AcceptAllAsync([new MemoryStream(PhoneJpeg()), new MemoryStream(RawPdf(OnePage("fine")))], _ct);

        Assert.Equal(["image/jpeg", "application/pdf"], stored.Select(s => s.ContentType));
        Assert.Equal(2, FilesOnDisk().Length);
    }

    [Fact]
    public void More_files_than_allowed_are_refused_before_any_is_read()
    {
        var refused = Assert.Throws<AttachmentRejectedException>(() => _intake.EnsureFileCount(6));
        Assert.Equal("You can attach up to 5 files.", Said(refused));
        _intake.EnsureFileCount(5);
    }

    [Fact]
    public void The_options_bind_from_Nacars_Attachments_and_the_folder_defaults_under_the_data_root()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Nacars:Attachments:MaxFiles"] = "3", ["Nacars:Attachments:MaxFileBytes"] = "2000000", ["Nacars:Attachments:JpegQuality"] = "70",
        }).Build();
        using var provider = new ServiceCollection().AddNacarsAttachments(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AttachmentOptions>>().Value;

        Assert.Equal((3, 2_000_000L, 70, 200), (options.MaxFiles, options.MaxFileBytes, options.JpegQuality, options.MaxPdfPages));
        Assert.Equal(Path.GetFullPath("/srv/nacars/data/attachments"), options.ResolvedPath("/srv/nacars/data", "/srv/nacars"));
        Assert.Equal(Path.GetFullPath("/srv/nacars/App_Data/attachments"), options.ResolvedPath("App_Data", "/srv/nacars"));
        options.Path = "/mnt/encrypted/attachments";
        Assert.Equal("/mnt/encrypted/attachments", options.ResolvedPath("App_Data", "/srv/nacars"));
    }
}
