using System.IO.Compression;

namespace Nacars.Core.Intake.Attachments;

/// <summary>
/// What cleaning one PDF may spend, counted across the whole file rather than per stream: an 11 KB file whose object
/// stream lists 200,000 entries at one offset once copied the whole inflated stream for each entry and took the process
/// to 1.8 GB, each stream well inside a per-stream limit. Every inflated byte (object streams and images) and every
/// unpacked object's bytes (shared ones counted each time they are written) are charged here, and the file is refused
/// the moment either total passes its limit.
/// </summary>
internal sealed class PdfBudget(AttachmentOptions options)
{
    private long _inflated, _unpacked;

    /// <summary>Bytes the file's compressed streams may still inflate to.</summary>
    public long InflateRoom => Math.Max(0, options.MaxPdfInflatedBytes - _inflated);

    private void Inflated(long bytes)
    {
        _inflated += bytes;
        if (_inflated > options.MaxPdfInflatedBytes) throw PdfNormaliser.Unsafe();
    }

    public void Unpacked(long bytes)
    {
        _unpacked += bytes;
        if (_unpacked > options.MaxPdfUnpackedBytes) throw PdfNormaliser.Unsafe();
    }

    /// <summary>Inflates within what is left of the file's budget: a few kilobytes of zeros compressed can claim gigabytes.</summary>
    public byte[] Inflate(ReadOnlySpan<byte> compressed)
    {
        var result = InflateAtMost(compressed, InflateRoom);
        Inflated(result.Length);
        return result;
    }

    private static byte[] InflateAtMost(ReadOnlySpan<byte> compressed, long limit)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (output.Length + read > limit) throw PdfNormaliser.Unsafe();
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException) when (output.Length > 0)
        {
            // Many writers leave a damaged checksum or tail; what inflated is what readers use.
        }
        catch (InvalidDataException e)
        {
            throw new AttachmentRejectedException(AttachmentRejection.DamagedPdf, e);
        }
        return output.ToArray();
    }
}
