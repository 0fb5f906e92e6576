using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Nacars.Core.Intake.Attachments;
using static Nacars.Tests.Intake.Attachments.TestFiles;

namespace Nacars.Tests.Intake.Attachments;

/// <summary>The encrypted file store: what goes in comes out, nothing readable rests on disk, a write is all or nothing,
/// and tampering is caught.</summary>
public sealed class AttachmentStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nacars-attachments-" + Guid.NewGuid().ToString("N"));
    private readonly Microsoft.AspNetCore.DataProtection.IDataProtectionProvider _keys = DataProtection();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private FileSystemAttachmentStore Store(int chunkBytes = 4096) => new(_folder, _keys, chunkBytes);

    /// <summary>Text that is easy to search for on disk, long enough to span many chunks.</summary>
    private static byte[] Plaintext(int bytes) => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("REPORTER-SECRET officer PC 4471 took money. ", bytes / 44 + 1)))[..bytes];

    private async Task<string> SaveAsync(FileSystemAttachmentStore store, byte[] content)
    {
        await using var pending = await store.CreateAsync(_ct);
        await pending.Content.WriteAsync(content, _ct);
        await pending.CommitAsync(_ct);
        return pending.Key;
    }

    private async Task<byte[]> ReadAsync(IAttachmentStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, _ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, _ct);
        return copy.ToArray();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)] // exactly one chunk
    [InlineData(300_001)] // many chunks and a partial one
    public async Task What_is_stored_reads_back_exactly(int size)
    {
        var store = Store();
        var content = Plaintext(size);

        var key = await SaveAsync(store, content);

        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.Equal(content, await ReadAsync(store, key));
    }

    [Fact]
    public async Task The_file_on_disk_holds_no_plaintext_and_a_copy_without_the_key_ring_reads_nothing()
    {
        var store = Store();
        var content = Plaintext(100_000);
        var key = await SaveAsync(store, content);

        var files = Directory.GetFiles(_folder, "*", SearchOption.AllDirectories);
        var onDisk = File.ReadAllBytes(Assert.Single(files));
        Assert.DoesNotContain("REPORTER-SECRET", Encoding.Latin1.GetString(onDisk));
        Assert.DoesNotContain("officer", Encoding.Latin1.GetString(onDisk));
        Assert.Equal(-1, onDisk.AsSpan().IndexOf(content.AsSpan(0, 64)));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files[0]));

        var otherKeyRing = new FileSystemAttachmentStore(_folder, DataProtection());
        await Assert.ThrowsAnyAsync<CryptographicException>(() => ReadAsync(otherKeyRing, key));
    }

    [Fact]
    public async Task Two_stores_of_the_same_content_share_nothing_on_disk()
    {
        var store = Store();
        var content = Plaintext(10_000);
        var first = await SaveAsync(store, content);
        var second = await SaveAsync(store, content);

        Assert.NotEqual(first, second);
        var disk = Directory.GetFiles(_folder, "*.nacatt", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToList();
        Assert.Equal(2, disk.Count);
        Assert.NotEqual(disk[0][^64..], disk[1][^64..]); // each file has its own key
    }

    [Fact]
    public async Task An_uncommitted_write_is_invisible_and_leaves_nothing_behind()
    {
        var store = Store();
        string key;
        await using (var pending = await store.CreateAsync(_ct))
        {
            key = pending.Key;
            await pending.Content.WriteAsync(Plaintext(50_000), _ct);
            await Assert.ThrowsAsync<KeyNotFoundException>(() => store.OpenReadAsync(key, _ct));
            // Only a temporary file exists while writing.
            Assert.All(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories), f => Assert.EndsWith(".partial", f));
            // no commit: as when cleaning fails half-way, or the process dies
        }

        Assert.Empty(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.OpenReadAsync(key, _ct));
    }

    [Fact]
    public async Task Temporary_files_left_by_a_crash_are_swept_once_old_enough()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new FileSystemAttachmentStore(_folder, _keys, 4096, time);
        var crashed = await store.CreateAsync(_ct); // never committed nor disposed: the process "died" mid-write
        await crashed.Content.WriteAsync(Plaintext(10), _ct);
        var kept = await SaveAsync(store, Plaintext(10));

        Assert.Equal(0, store.DeleteAbandonedWrites(TimeSpan.FromHours(1)));
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, store.DeleteAbandonedWrites(TimeSpan.FromHours(1)));

        Assert.Empty(Directory.GetFiles(_folder, "*.partial", SearchOption.AllDirectories));
        Assert.Equal(Plaintext(10), await ReadAsync(store, kept));
        await crashed.DisposeAsync();
    }

    [Fact]
    public async Task A_stored_attachment_can_be_deleted_for_retention()
    {
        var store = Store();
        var key = await SaveAsync(store, Plaintext(1000));

        Assert.True(await store.DeleteAsync(key, _ct));

        Assert.False(await store.DeleteAsync(key, _ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.OpenReadAsync(key, _ct));
        Assert.Empty(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_changed_byte_a_cut_short_file_or_a_renamed_file_fails_to_read()
    {
        var store = Store();
        var content = Plaintext(20_000);
        var key = await SaveAsync(store, content);
        var path = Directory.GetFiles(_folder, "*.nacatt", SearchOption.AllDirectories).Single();
        var original = File.ReadAllBytes(path);

        var flipped = original.ToArray();
        flipped[^100] ^= 1;
        File.WriteAllBytes(path, flipped);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => ReadAsync(store, key));

        // Cut at a chunk boundary: every remaining chunk authenticates, but the last-chunk mark is missing.
        File.WriteAllBytes(path, original[..^(5 + 20_000 % 4096 + 16)]);
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(store, key));

        File.WriteAllBytes(path, [.. original, 0]);
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(store, key));

        File.WriteAllBytes(path, original);
        var other = await SaveAsync(store, Plaintext(10));
        File.Copy(path, Directory.GetFiles(_folder, other + ".nacatt", SearchOption.AllDirectories).Single(), overwrite: true);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => ReadAsync(store, other));
        Assert.Equal(content, await ReadAsync(store, key));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("")]
    public async Task A_key_that_is_not_one_of_ours_is_refused_so_it_can_never_name_another_path(string key)
    {
        var store = Store();
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(key, _ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, _ct));
    }
}
