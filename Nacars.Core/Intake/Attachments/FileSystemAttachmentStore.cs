using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Nacars.Core.Intake.Attachments;

/// <summary>
/// Encrypted attachment files in one folder (<c>Nacars:Attachments:Path</c>, default <c>{DataRoot}/attachments</c>),
/// spread over 256 sub-folders by the key's first two hex digits. A file is written under a temporary name and renamed
/// into place only when complete and flushed to disk, so a crash never leaves half a file under a real key (at most an
/// encrypted temporary file, which <see cref="DeleteAbandonedWrites"/> removes). Folders are 0700 and files 0600 on Unix.
/// </summary>
public sealed partial class FileSystemAttachmentStore : IAttachmentStore
{
    private const string Extension = ".nacatt", TemporarySuffix = ".partial";
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly ProtectorWrapper _protector;
    private readonly int _chunkBytes;
    private readonly TimeProvider _time;

    public FileSystemAttachmentStore(IOptions<AttachmentOptions> options, IOptions<NacarsOptions> nacars, IHostEnvironment environment,
        IDataProtectionProvider dataProtection, TimeProvider time)
        : this(options.Value.ResolvedPath(nacars.Value.ResolvedDataRoot(environment.ContentRootPath), environment.ContentRootPath),
            dataProtection, options.Value.EncryptionChunkBytes, time)
    {
    }

    public FileSystemAttachmentStore(string folder, IDataProtectionProvider dataProtection, int chunkBytes = 64 * 1024, TimeProvider? time = null)
    {
        Folder = Path.GetFullPath(folder);
        _protector = new ProtectorWrapper(dataProtection.CreateProtector("Nacars.Attachments.v1"));
        _chunkBytes = chunkBytes;
        _time = time ?? TimeProvider.System;
    }

    public string Folder { get; }

    public Task<IPendingAttachment> CreateAsync(CancellationToken ct = default)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var final = PathOf(key);
        CreateFolder(Path.GetDirectoryName(final)!);
        var temporary = final + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + TemporarySuffix;
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = OwnerOnlyFile;
        var file = new FileStream(temporary, fileOptions);
        try
        {
            var content = AttachmentCipher.CreateWriter(file, _protector, key, _chunkBytes);
            return Task.FromResult<IPendingAttachment>(new Pending(key, temporary, final, file, content));
        }
        catch
        {
            file.Dispose();
            File.Delete(temporary);
            throw;
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct = default)
    {
        FileStream file;
        try
        {
            file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 0);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new KeyNotFoundException($"No attachment {key}.", e);
        }
        try
        {
            return Task.FromResult<Stream>(AttachmentCipher.OpenReader(new BufferedStream(file, 81920), _protector, key));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return Task.FromResult(false);
        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <summary>Removes temporary files left by writes that never finished (a crash mid-upload) and are older than
    /// <paramref name="olderThan"/>. They hold only ciphertext; this just reclaims the space. Returns how many.</summary>
    public int DeleteAbandonedWrites(TimeSpan olderThan)
    {
        if (!Directory.Exists(Folder)) return 0;
        var cutoff = _time.GetUtcNow().UtcDateTime - olderThan;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(Folder, "*" + TemporarySuffix, SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(path) >= cutoff) continue;
            File.Delete(path);
            removed++;
        }
        return removed;
    }

    /// <summary>Where a key lives. Keys are checked strictly: a key comes back from the database or a URL, and must
    /// never be able to name a path outside the folder.</summary>
    private string PathOf(string key)
    {
        if (!KeyPattern().IsMatch(key)) throw new ArgumentException("Not an attachment key.", nameof(key));
        return Path.Combine(Folder, key[..2], key + Extension);
    }

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();

    private sealed class Pending(string key, string temporary, string final, FileStream file, AttachmentCipher.EncryptingStream content) : IPendingAttachment
    {
        private bool _committed, _disposed;

        public string Key => key;
        public Stream Content => content;

        public async Task CommitAsync(CancellationToken ct = default)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_committed) return;
            content.Complete();
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
            await file.DisposeAsync();
            File.Move(temporary, final, overwrite: false);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed) return;
            _disposed = true;
            await content.DisposeAsync();
            await file.DisposeAsync();
            if (!_committed) File.Delete(temporary);
        }
    }

    private sealed class ProtectorWrapper(IDataProtector protector) : IDataProtectionWrapper
    {
        public byte[] Protect(string purpose, string key, byte[] plain) => protector.CreateProtector(purpose, key).Protect(plain);
        public byte[] Unprotect(string purpose, string key, byte[] protectedBytes) => protector.CreateProtector(purpose, key).Unprotect(protectedBytes);
    }
}
