using System.Security.Cryptography;
using System.Text;

namespace Nacars.Core.Intake.Attachments;

/// <summary>
/// A reporter's file between the post and the cleaner: written to disk as it arrives, never held whole in memory,
/// encrypted (AES-GCM chunks, <see cref="AttachmentCipher"/>) with a key that exists only in this object. The original
/// still carries GPS and serial numbers; a crash leaves an unreadable file, which the next start deletes.
/// </summary>
public sealed class TemporaryUpload : IDisposable
{
    private const int ChunkBytes = 64 * 1024;
    private const string Suffix = ".upload";
    private static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("nacars-temporary-upload");
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    private TemporaryUpload(string path) => Path = path;

    public string Path { get; }
    public long Length { get; private set; }

    /// <summary>Reads <paramref name="body"/> into a new encrypted temporary file in <paramref name="folder"/>, up to
    /// <paramref name="limit"/> bytes. Null (and nothing left on disk) when the file is longer than that; the rest of
    /// the body is then not read.</summary>
    public static async Task<TemporaryUpload?> ReceiveAsync(Stream body, string folder, long limit, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var upload = new TemporaryUpload(System.IO.Path.Combine(folder, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + Suffix));
        try
        {
            await using (var file = new FileStream(upload.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096))
            using (var writer = new AttachmentCipher.EncryptingStream(file, (byte[])upload._key.Clone(), ChunkBytes, AssociatedData))
            {
                var buffer = new byte[ChunkBytes];
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    upload.Length += read;
                    if (upload.Length > limit)
                    {
                        upload.Dispose();
                        return null;
                    }
                    writer.Write(buffer.AsSpan(0, read));
                }
                writer.Complete();
                CryptographicOperations.ZeroMemory(buffer);
            }
            return upload;
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    /// <summary>The file as it was posted, decrypted as it is read.</summary>
    public Stream OpenRead() =>
        new AttachmentCipher.DecryptingStream(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096), (byte[])_key.Clone(), ChunkBytes, AssociatedData);

    /// <summary>Deletes what a crash left behind: those files cannot be read any more (their keys were in memory).</summary>
    public static int DeleteLeftovers(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Suffix))
        {
            try { File.Delete(path); deleted++; }
            catch (IOException) { }
        }
        return deleted;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        try { File.Delete(Path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
