using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Antiforgery;
using Nacars.Core;
using Nacars.Core.Intake.Attachments;

namespace Nacars.Workbench.Hosting;

/// <summary>
/// Reads the public form's posts before anything else does. A multipart post (the form with its file input) is read
/// section by section with <see cref="MultipartReader"/>: fields into the request's form, and files, which come last,
/// only once the post has shown it may send them (its antiforgery token matches, its connection is within the rate
/// limit, and an upload slot is free), each straight into an encrypted temporary file (<see cref="TemporaryUpload"/>):
/// never whole in memory. A post that may not send files has them left unread, and its typed fields still come back
/// with a message. A plain URL-encoded post (the form without files) is read by the framework, within the text limit,
/// and a post it cannot read becomes an empty form with a message rather than an error page.
/// </summary>
internal sealed class PublicFormReader(IOptions<AttachmentOptions> attachmentOptions, IOptions<NacarsOptions> nacars,
    IHostEnvironment environment, UploadSlots slots, IAntiforgery antiforgery, ILogger<PublicFormReader> logger) : IMiddleware
{
    /// <summary>Per typed value: far more than any field allows (the validator then says how much too long), and a
    /// bound on what one post can make the server hold.</summary>
    private const int TextValueLimit = 512 * 1024;
    private const int TextTotalLimit = 1024 * 1024;
    private const int ValueCountLimit = 1024;

    public static bool IsPublicFormPath(PathString path)
    {
        if (PublicLanguage.IsWelshPath(path)) path = PublicLanguage.EnglishPath(path);
        return path.Equals("/report", StringComparison.OrdinalIgnoreCase) || path.Equals("/report/follow-up", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The largest post that is read to the end: every allowed file twice over (so a reporter who picks one
    /// file too large still gets their words back, the rest of the body read and dropped) plus room for the text.</summary>
    public static long BodyLimit(AttachmentOptions limits) => Math.Max(0, limits.MaxFiles) * limits.MaxFileBytes * 2 + TextTotalLimit + 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !IsPublicFormPath(context.Request.Path) || context.Request.ContentType is null)
        {
            await next(context);
            return;
        }
        using var uploads = await ReadAsync(context, mayTakeFiles: !context.Items.ContainsKey(WorkbenchHosting.RateLimitedKey));
        await next(context);
    }

    /// <summary>Reads the post's fields into the request's form (and, when <paramref name="mayTakeFiles"/>, its files
    /// into temporary files). The rate limiter's refusal calls this with false, to show the form again filled in.</summary>
    public async Task<PublicUploads?> ReadAsync(HttpContext context, bool mayTakeFiles)
    {
        var contentType = context.Request.ContentType ?? "";
        if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var uploads = new PublicUploads();
            context.Features.Set(uploads);
            await ReadMultipartAsync(context, uploads, mayTakeFiles);
            return uploads;
        }
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize) bodySize.MaxRequestBodySize = TextTotalLimit + 64 * 1024;
            // The framework's reader, as every post used before (this is the busy path), with room for long text.
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { ValueLengthLimit = TextValueLimit }));
            // Kept in memory (never a temporary file: it is the reporter's words), so a body the framework refuses can be
            // read again below; the body limit just set bounds it first.
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
                return unread;
            }
        }
        return null;
    }

    /// <summary>Whether this post may send files: asked when its first file arrives, from the fields read so far (the
    /// antiforgery token is the form's first field).</summary>
    private async Task<bool> MayTakeFilesAsync(HttpContext context, Dictionary<string, StringValues> fields, PublicUploads uploads)
    {
        var form = context.Features.Get<IFormFeature>();
        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(new Dictionary<string, StringValues>(fields))));
        var valid = await antiforgery.IsRequestValidAsync(context);
        context.Features.Set(form);
        if (!valid)
        {
            uploads.NotRead = true;
            return false;
        }
        uploads.Slot = slots.TryTake();
        if (uploads.Slot is null)
        {
            logger.LogWarning("A public form post's files were not read: every upload slot was in use");
            uploads.Busy = true;
            return false;
        }
        return true;
    }

    private async Task ReadMultipartAsync(HttpContext context, PublicUploads uploads, bool mayTakeFiles)
    {
        var limits = attachmentOptions.Value;
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize) bodySize.MaxRequestBodySize = BodyLimit(limits);
        bool? takingFiles = mayTakeFiles ? null : false;
        if (!mayTakeFiles) uploads.NotRead = true;
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
                    takingFiles ??= await MayTakeFilesAsync(context, fields, uploads);
                    // Files come last: a post that may not send them is not read any further.
                    if (takingFiles == false) break;
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

    /// <summary>At start-up: files a crash left mid-post can no longer be read (their keys were in memory); delete them.</summary>
    public int DeleteLeftoverUploads() => TemporaryUpload.DeleteLeftovers(IncomingFolder);

    private string IncomingFolder => System.IO.Path.Combine(attachmentOptions.Value.ResolvedPath(
        nacars.Value.ResolvedDataRoot(environment.ContentRootPath), environment.ContentRootPath), "incoming");

    /// <summary>A file into an encrypted temporary file, refusing it once it is past its limit (the rest of it read and
    /// dropped). An empty file part is what a browser sends when no file was chosen.</summary>
    private async Task ReadFileAsync(Stream body, AttachmentOptions limits, PublicUploads uploads, CancellationToken ct)
    {
        if (uploads.Count >= Math.Max(0, limits.MaxFiles))
        {
            // One more than allowed (an empty part is no file): said next to the file input, nothing of it kept.
            var first = new byte[1];
            if (await body.ReadAsync(first, ct) > 0) uploads.TooMany = true;
            await Drain(body, ct);
            return;
        }
        var file = await TemporaryUpload.ReceiveAsync(body, IncomingFolder, limits.MaxFileBytes, ct);
        if (file is null)
        {
            uploads.TooLarge = true;
            await Drain(body, ct);
            return;
        }
        if (file.Length == 0)
        {
            file.Dispose();
            return;
        }
        uploads.Add(file);
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
