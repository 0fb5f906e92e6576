using Nacars.Core.Intake.Attachments;

namespace Nacars.Workbench.Hosting;

/// <summary>The files a reporter posted with the public form, each in an encrypted temporary file for the length of the
/// request (<see cref="TemporaryUpload"/>), and why any were not taken. Disposed when the response is done: the files
/// are deleted and the upload slot is given back.</summary>
public sealed class PublicUploads : IDisposable
{
    private readonly List<TemporaryUpload> _files = [];

    /// <summary>A file was larger than a file may be, or the whole post larger than a post may be: it was not kept.</summary>
    public bool TooLarge { get; internal set; }
    /// <summary>More files were posted than a report or follow-up may have.</summary>
    public bool TooMany { get; internal set; }
    /// <summary>The post could not be read to the end (too large, or cut short): the fields read so far are kept.</summary>
    public bool Incomplete { get; internal set; }
    /// <summary>Files came with a post that was not allowed (its token did not match, or the connection is over its
    /// limit): they were not read at all.</summary>
    public bool NotRead { get; internal set; }
    /// <summary>The server was taking as many uploads as it takes at once: the files were not read; try again soon.</summary>
    public bool Busy { get; internal set; }

    public int Count => _files.Count;
    public bool Any => _files.Count > 0 || TooLarge || TooMany || NotRead || Busy;

    internal IDisposable? Slot { get; set; }

    internal void Add(TemporaryUpload file) => _files.Add(file);

    /// <summary>Each file as a stream decrypting its temporary file (for <see cref="AttachmentIntake"/>).</summary>
    public IReadOnlyList<Stream> OpenAll() => [.. _files.Select(f => f.OpenRead())];

    public void Dispose()
    {
        foreach (var file in _files) file.Dispose();
        _files.Clear();
        Slot?.Dispose();
        Slot = null;
    }
}
