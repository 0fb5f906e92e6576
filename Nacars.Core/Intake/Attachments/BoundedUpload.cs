using System.Buffers;

namespace Nacars.Core.Intake.Attachments;

/// <summary>Reads an upload into memory, refusing it as soon as it passes the size limit: at most the limit plus one
/// byte is ever read. The original stays in memory only (never a temporary file: it still carries the GPS position and
/// the author's name), and is cleared when disposed.</summary>
internal sealed class BoundedUpload : IDisposable
{
    private byte[] _buffer;

    private BoundedUpload(byte[] buffer, int length) => (_buffer, Length) = (buffer, length);

    public int Length { get; }
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);
    public MemoryStream OpenRead() => new(_buffer, 0, Length, writable: false);

    public static async Task<BoundedUpload> ReadAsync(Stream upload, long maxBytes, CancellationToken ct)
    {
        var limit = (int)Math.Min(maxBytes, Array.MaxLength - 1);
        // A stream that knows its length (IFormFile's does) is refused before a byte is read.
        if (upload.CanSeek && upload.Length - upload.Position > limit)
            throw new AttachmentRejectedException(AttachmentRejection.TooLarge);

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 256 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit) break;
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1L));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    Return(buffer, length);
                    buffer = bigger;
                }
                // Never ask for more than one byte past the limit.
                var want = Math.Min(buffer.Length - length, limit + 1 - length);
                var read = await upload.ReadAsync(buffer.AsMemory(length, want), ct);
                if (read == 0) break;
                length += read;
                if (length > limit) break;
            }
            if (length > limit)
                throw new AttachmentRejectedException(AttachmentRejection.TooLarge);
            if (length == 0)
                throw new AttachmentRejectedException(AttachmentRejection.Empty);
            return new BoundedUpload(buffer, length);
        }
        catch
        {
            Return(buffer, length);
            throw;
        }
    }

    private static void Return(byte[] buffer, int used)
    {
        buffer.AsSpan(0, Math.Min(used, buffer.Length)).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        Return(_buffer, Length);
        _buffer = [];
    }
}
