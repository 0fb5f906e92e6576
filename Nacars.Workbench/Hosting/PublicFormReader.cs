using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Nacars.Core.Intake.Attachments;

namespace Nacars.Workbench.Hosting;

/// <summary>The files a reporter posted with the public form, held in memory only for the request, and whether
/// anything was too large to take. Their buffers are cleared when the response is done (they still carry GPS and
/// serial numbers until cleaned).</summary>
public sealed class PublicUploads : IDisposable
{
    private readonly List<(byte[] Buffer, int Length)> _files = [];

    /// <summary>A file was larger than a file may be, or the whole post larger than a post may be: it was not kept.</summary>
    public bool TooLarge { get; internal set; }
    /// <summary>More files were posted than a report or follow-up may have.</summary>
    public bool TooMany { get; internal set; }
    /// <summary>The post could not be read to the end (too large, or cut short): the fields read so far are kept.</summary>
    public bool Incomplete { get; internal set; }

    public int Count => _files.Count;
    public bool Any => _files.Count > 0 || TooLarge || TooMany;

    internal void Add(byte[] buffer, int length) => _files.Add((buffer, length));

    /// <summary>Each file as a read-only stream over its bytes (for <see cref="AttachmentIntake"/>).</summary>
    public IReadOnlyList<Stream> OpenAll() => [.. _files.Select(f => (Stream)new MemoryStream(f.Buffer, 0, f.Length, writable: false))];

    public void Dispose()
    {
        foreach (var (buffer, length) in _files) Array.Clear(buffer, 0, length);
        _files.Clear();
    }
}

/// <summary>
/// Reads the public form's posts before anything else does. A multipart post (the form with its file input) is read
/// section by section with <see cref="MultipartReader"/>: fields into the request's form, files into memory up to their
/// limit, so the original of a reporter's photo is never buffered to a temporary file (as ASP.NET Core's form reader
/// does above 64 KB) and an oversized file or post still leaves every typed field to show again with a message. A
/// plain URL-encoded post (the form without files) is read by the framework as before, with room for long text, and a
/// post it cannot read becomes an empty form with a message rather than an error page.
/// </summary>
internal sealed class PublicFormReader(RequestDelegate next, IOptions<AttachmentOptions> attachmentOptions, ILogger<PublicFormReader> logger)
{
    /// <summary>Per typed value: far more than any field allows (the validator then says how much too long).</summary>
    private const int TextValueLimit = 4 * 1024 * 1024;
    private const int TextTotalLimit = 8 * 1024 * 1024;
    private const int ValueCountLimit = 1024;

    public static bool IsPublicFormPath(PathString path)
    {
        if (PublicLanguage.IsWelshPath(path)) path = PublicLanguage.EnglishPath(path);
        return path.Equals("/report", StringComparison.OrdinalIgnoreCase) || path.Equals("/report/follow-up", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The largest post that is read to the end: every allowed file twice over (so a reporter who picks one
    /// file too large still gets their words back, the rest of the body read and dropped) plus room for the text.</summary>
    public static long BodyLimit(AttachmentOptions limits) => Math.Max(0, limits.MaxFiles) * limits.MaxFileBytes * 2 + TextTotalLimit + 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !IsPublicFormPath(context.Request.Path) || context.Request.ContentType is not { } contentType)
        {
            await next(context);
            return;
        }
        if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            using var uploads = new PublicUploads();
            context.Features.Set(uploads);
            await ReadMultipartAsync(context, uploads);
            await next(context);
            return;
        }
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            // The framework's reader, as every post used before (this is the busy path), with room for long text.
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { ValueLengthLimit = TextValueLimit }));
            // Kept in memory (never a temporary file: it is the reporter's words), so a body the framework refuses can be
            // read again below; Kestrel's own body limit bounds it first.
            context.Request.EnableBuffering(bufferThreshold: TextTotalLimit, bufferLimit: TextTotalLimit);
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e) when (context.Request.Body.CanSeek)
            {
                // The framework's reader refuses some characters once decoded (a NUL, %00). The same body is read again
                // leniently, so the words come back or are saved: the validator removes control characters.
                logger.LogInformation("A public form post was read leniently: {Problem}", e.GetType().Name);
                context.Request.Body.Position = 0;
                using var text = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
                var fields = QueryHelpers.ParseQuery(await text.ReadToEndAsync(context.RequestAborted));
                context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                logger.LogInformation("A public form post could not be read: {Problem}", e.GetType().Name);
                var unread = new PublicUploads { Incomplete = true };
                context.Features.Set(unread);
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            }
        }
        await next(context);
    }

    private async Task ReadMultipartAsync(HttpContext context, PublicUploads uploads)
    {
        var limits = attachmentOptions.Value;
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize) bodySize.MaxRequestBodySize = BodyLimit(limits);
        try
        {
            if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
                || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            {
                uploads.Incomplete = true;
                return;
            }
            var reader = new MultipartReader(boundary, context.Request.Body) { BodyLengthLimit = null };
            var textBytes = 0L;
            var values = 0;
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                // Not IsFormDisposition(): that means "a field and not a file", and skipped every file.
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (string.IsNullOrEmpty(name)) continue;
                if (disposition.IsFileDisposition())
                {
                    // The browser's file name and Content-Type are never read: the cleaner finds the type from the bytes.
                    await ReadFileAsync(section.Body, limits, uploads, context.RequestAborted);
                    continue;
                }
                if (++values > ValueCountLimit) { uploads.Incomplete = true; await Drain(section.Body, context.RequestAborted); continue; }
                var (text, truncated) = await ReadTextAsync(section.Body, (int)Math.Min(TextValueLimit, Math.Max(0, TextTotalLimit - textBytes)), context.RequestAborted);
                textBytes += Encoding.UTF8.GetByteCount(text);
                if (truncated) uploads.Incomplete = true;
                fields[name] = fields.TryGetValue(name, out var existing) ? StringValues.Concat(existing, text) : new StringValues(text);
            }
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // Too large for the server to read, or cut short: keep what was read (the fields come before the file input).
            logger.LogInformation("A public form post was not read to the end: {Problem}", e.GetType().Name);
            uploads.Incomplete = true;
            uploads.TooLarge = uploads.TooLarge || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
        }
        finally
        {
            context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
        }
    }

    /// <summary>A file into memory, refusing it once it is past its limit (the rest of it read and dropped). An empty file
    /// part is what a browser sends when no file was chosen.</summary>
    private static async Task ReadFileAsync(Stream body, AttachmentOptions limits, PublicUploads uploads, CancellationToken ct)
    {
        var limit = (int)Math.Min(limits.MaxFileBytes, Array.MaxLength - 1);
        var buffer = new byte[Math.Min(limit + 1, 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit) break;
                var bigger = new byte[(int)Math.Min((long)buffer.Length * 2, limit + 1L)];
                buffer.AsSpan(0, length).CopyTo(bigger);
                Array.Clear(buffer);
                buffer = bigger;
            }
            var read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length - length, limit + 1 - length)), ct);
            if (read == 0) break;
            length += read;
            if (length > limit) break;
        }
        if (length > limit)
        {
            Array.Clear(buffer);
            uploads.TooLarge = true;
            await Drain(body, ct);
            return;
        }
        if (length == 0) return;
        if (uploads.Count >= Math.Max(0, limits.MaxFiles))
        {
            Array.Clear(buffer, 0, length);
            uploads.TooMany = true;
            return;
        }
        uploads.Add(buffer, length);
    }

    private static async Task<(string Text, bool Truncated)> ReadTextAsync(Stream body, int limitBytes, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[8192];
        var truncated = false;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            var room = limitBytes - (int)copy.Length;
            if (room <= 0) { truncated = true; continue; }
            copy.Write(buffer, 0, Math.Min(room, read));
            if (read > room) truncated = true;
        }
        return (Encoding.UTF8.GetString(copy.GetBuffer(), 0, (int)copy.Length), truncated);
    }

    private static async Task Drain(Stream body, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        while (await body.ReadAsync(buffer, ct) > 0) { }
    }
}
