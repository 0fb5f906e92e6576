namespace Nacars.Core.Intake.Attachments;

/// <summary>Limits for files a reporter attaches, bound from "Nacars:Attachments" (environment: Nacars__Attachments__…).
/// Every limit refuses with a plain-English message rather than failing later.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Nacars:Attachments";

    /// <summary>Files per report or follow-up.</summary>
    public int MaxFiles { get; set; } = 5;
    /// <summary>Bytes per file as uploaded. Enforced while reading: never more than this plus one byte is held.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>Pixels per picture, checked from the header before any pixel is decoded (a tiny PNG can declare
    /// 100,000 × 100,000). 50 million pixels is about 200 MB while being cleaned.</summary>
    public long MaxPixels { get; set; } = 50_000_000;
    /// <summary>Longest side of a picture, in pixels (JPEG cannot encode beyond 65,500).</summary>
    public int MaxImageSide { get; set; } = 32_000;
    /// <summary>Scans per JPEG (progressive JPEGs have about ten; each scan costs a pass over the whole picture).</summary>
    public int MaxJpegScans { get; set; } = 100;
    /// <summary>JPEG quality of re-encoded photos (1–100).</summary>
    public int JpegQuality { get; set; } = 85;
    /// <summary>Pages per PDF.</summary>
    public int MaxPdfPages { get; set; } = 200;
    /// <summary>Objects per PDF (a real 200-page document has a few thousand).</summary>
    public int MaxPdfObjects { get; set; } = 200_000;
    /// <summary>How deeply arrays and dictionaries may nest in a PDF. The PDF reader recurses per level, and a few
    /// thousand levels in a small file would overflow the stack and end the whole process; real files use under 20.</summary>
    public int MaxPdfNesting { get; set; } = 64;
    /// <summary>Bytes all the compressed streams of one PDF (object streams and images) may expand to together
    /// (decompression bombs): a budget for the whole file, not per stream.</summary>
    public long MaxPdfInflatedBytes { get; set; } = 128 * 1024 * 1024;
    /// <summary>Bytes of the objects unpacked from a PDF's object streams, together, each counted every time it is
    /// written (a stream may list thousands of entries at one offset).</summary>
    public long MaxPdfUnpackedBytes { get; set; } = 64 * 1024 * 1024;
    /// <summary>Files cleaned at once; the rest wait. Cleaning a 12-megapixel photo holds about 100 MB for a moment
    /// and keeps a core busy, so this bounds the memory and CPU a burst of uploads can take.</summary>
    public int MaxConcurrentCleans { get; set; } = Math.Max(1, Environment.ProcessorCount);
    /// <summary>Posts with files the server reads at once; past it, the reporter is told to try again in a minute
    /// (their words are kept). Each file goes to an encrypted temporary file as it arrives, so this bounds disk and
    /// time rather than memory.</summary>
    public int MaxConcurrentUploads { get; set; } = 16;
    /// <summary>Clean each file in a separate, short-lived process with the limits below, so a file that crashes, hangs
    /// or exhausts the cleaner (a parser bug, a bomb past every budget) costs that process, never the service.</summary>
    public bool CleanInSeparateProcess { get; set; } = true;
    /// <summary>Wall-clock seconds a file's cleaning may take before its process is killed and the file refused.</summary>
    public int CleanTimeoutSeconds { get; set; } = 30;
    /// <summary>CPU seconds the cleaning process may use (the kernel ends it past this).</summary>
    public int CleanCpuSeconds { get; set; } = 20;
    /// <summary>Managed heap of the cleaning process, in megabytes (native picture buffers are bounded by MaxPixels).</summary>
    public int CleanHeapMegabytes { get; set; } = 768;
    /// <summary>Folder of the encrypted attachment files; default {DataRoot}/attachments.</summary>
    public string? Path { get; set; }
    /// <summary>Plaintext bytes per authenticated chunk in an encrypted attachment file.</summary>
    public int EncryptionChunkBytes { get; set; } = 64 * 1024;

    /// <summary>The folder of the encrypted files: <see cref="Path"/>, else "attachments" under the data root.</summary>
    public string ResolvedPath(string dataRoot, string contentRoot) =>
        System.IO.Path.GetFullPath(Path ?? System.IO.Path.Combine(dataRoot, "attachments"), contentRoot);
}
