using System.Security.Cryptography;

namespace Nacars.Core.Intake.Attachments;

/// <summary>Passes writes through while counting them and hashing them (SHA-256), so the cleaned bytes are measured
/// on their way to storage without being held a second time.</summary>
internal sealed class MeasuringStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Written { get; private set; }
    /// <summary>A write to the storage underneath failed: an error of the service, not of the file being cleaned.</summary>
    public bool StorageFailed { get; private set; }
    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        try { inner.Write(buffer); }
        catch (IOException) { StorageFailed = true; throw; }
        Written += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _hash.AppendData(buffer.Span);
        try { await inner.WriteAsync(buffer, cancellationToken); }
        catch (IOException) { StorageFailed = true; throw; }
        Written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void WriteByte(byte value) => Write([value]);
    public override void Flush()
    {
        try { inner.Flush(); }
        catch (IOException) { StorageFailed = true; throw; }
    }
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Written;
    public override long Position { get => Written; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
