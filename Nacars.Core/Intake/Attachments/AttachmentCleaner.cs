using Microsoft.Extensions.Options;

namespace Nacars.Core.Intake.Attachments;

/// <summary>
/// Turns an upload into a clean copy: the type is judged from the content (never the name or Content-Type), the
/// upload is read under the size limit, and the output is made afresh from the content (pixels for a picture, pages for
/// a PDF), so metadata and anything smuggled alongside never reach the output. Anything that cannot be cleaned is
/// refused with an <see cref="AttachmentRejectedException"/> whose message can be shown to the reporter.
/// </summary>
public sealed class AttachmentCleaner : IAttachmentCleaner, IDisposable
{
    private readonly AttachmentOptions _options;
    private readonly SemaphoreSlim _slots;

    public AttachmentCleaner(IOptions<AttachmentOptions> options)
    {
        _options = options.Value;
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentCleans));
    }

    public AttachmentOptions Options => _options;

    /// <summary>Cleans <paramref name="upload"/> (read to its end, at most MaxFileBytes + 1 bytes) and writes the clean
    /// copy to <paramref name="output"/>. On a refusal or failure some bytes may already have been written to
    /// <paramref name="output"/>: write to a pending store entry (<see cref="IAttachmentStore.CreateAsync"/>) or a buffer
    /// that is thrown away unless this returns.</summary>
    /// <exception cref="AttachmentRejectedException">The file cannot be accepted; its message is for the reporter.</exception>
    public async Task<CleanedAttachment> CleanAsync(Stream upload, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(output);
        using var original = await BoundedUpload.ReadAsync(upload, _options.MaxFileBytes, ct);
        var format = AttachmentSniffer.Sniff(original.Span[..Math.Min(original.Length, AttachmentSniffer.HeaderBytes)]);
        switch (format)
        {
            case AttachmentFormat.Unknown:
                throw new AttachmentRejectedException(AttachmentRejection.UnsupportedType);
            case AttachmentFormat.Heif:
                // Tried: SkiaSharp's Linux build has no HEIF decoder (SKCodec answers Unimplemented), and none is
                // served to this project. iOS Safari converts HEIC to JPEG on upload when the form's accept= lists
                // only JPEG/PNG/WebP/PDF, so this is rare.
                throw new AttachmentRejectedException(AttachmentRejection.HeicNotSupported);
        }

        await _slots.WaitAsync(ct);
        try
        {
            // Decoding and encoding are CPU-bound, synchronous native calls: run them off the request's thread.
            return await Task.Run(() => CleanNow(original, format, output), ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    private CleanedAttachment CleanNow(BoundedUpload original, AttachmentFormat format, Stream output)
    {
        using var measured = new MeasuringStream(output);
        CleanedAttachment cleaned;
        try
        {
            cleaned = format == AttachmentFormat.Pdf
                ? PdfCleaner.Clean(original.Span, _options, measured)
                : PictureCleaner.Clean(original.Span, format, _options, measured);
        }
        catch (Exception e) when (e is not (AttachmentRejectedException or OperationCanceledException or OutOfMemoryException
            or UnauthorizedAccessException) && !(e is IOException && measured.StorageFailed))
        {
            // A file the libraries choke on in a way not foreseen is still the file's fault, not the service's: the
            // reporter gets the plain "damaged" answer. A failed write to storage stays an error of the service. (The
            // fuzzer found a PDF whose stream makes the decompressor throw an IOException of its own.)
            throw format == AttachmentFormat.Pdf
                ? new AttachmentRejectedException(AttachmentRejection.DamagedPdf, e)
                : new AttachmentRejectedException(AttachmentRejection.DamagedImage, e);
        }
        measured.Flush();
        return cleaned with { Length = measured.Written, Sha256 = measured.Sha256Hex() };
    }

    public void Dispose() => _slots.Dispose();
}
