using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Nacars.Core.Intake.Attachments;

/// <summary>
/// The encrypted attachment file: each file has its own random AES-256 key, kept in the file's header wrapped by ASP.NET
/// Core Data Protection (so the key ring, stored apart, is needed to read it), and the content follows in authenticated
/// AES-GCM chunks. Chunks let a large file be written and read as a stream instead of whole in memory, as
/// IDataProtector.Protect would need.
/// </summary>
/// <remarks>
/// Layout: "NACATT" 0x01 0x00 · u16 wrapped-key length · wrapped key · u32 chunk size · chunks. A chunk: u8 flags (1 =
/// last) · u32 plaintext length · ciphertext · 16-byte tag. The nonce is the chunk's index and flags, so chunks cannot be
/// reordered, dropped or cut short without failing authentication (the last chunk is marked, and a file that ends without
/// one is refused); the associated data is the file's key name, so a file renamed to another key does not decrypt. The
/// wrapped key is also bound to the key name through the Data Protection purpose.
/// </remarks>
internal static class AttachmentCipher
{
    private static readonly byte[] Magic = [(byte)'N', (byte)'A', (byte)'C', (byte)'A', (byte)'T', (byte)'T', 1, 0];
    private const int TagBytes = 16, NonceBytes = 12, MaxChunkBytes = 16 * 1024 * 1024;
    private const string Purpose = "Nacars.Attachments.FileKey.v1";

    public static byte[] AssociatedData(string key) => Encoding.ASCII.GetBytes("nacars-attachment:" + key);

    public static EncryptingStream CreateWriter(Stream file, IDataProtectionWrapper protector, string key, int chunkBytes)
    {
        chunkBytes = Math.Clamp(chunkBytes, 4096, MaxChunkBytes);
        var fileKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = protector.Protect(Purpose, key, fileKey);
        Span<byte> header = stackalloc byte[Magic.Length + 2];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header[Magic.Length..], checked((ushort)wrapped.Length));
        file.Write(header);
        file.Write(wrapped);
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(size, (uint)chunkBytes);
        file.Write(size);
        return new EncryptingStream(file, fileKey, chunkBytes, AssociatedData(key));
    }

    public static DecryptingStream OpenReader(Stream file, IDataProtectionWrapper protector, string key)
    {
        Span<byte> header = stackalloc byte[Magic.Length + 2];
        file.ReadExactly(header);
        if (!header[..Magic.Length].SequenceEqual(Magic)) throw new InvalidDataException("Not an encrypted attachment file.");
        var wrapped = new byte[BinaryPrimitives.ReadUInt16BigEndian(header[Magic.Length..])];
        file.ReadExactly(wrapped);
        Span<byte> size = stackalloc byte[4];
        file.ReadExactly(size);
        var chunkBytes = BinaryPrimitives.ReadUInt32BigEndian(size);
        if (chunkBytes is 0 or > MaxChunkBytes) throw new InvalidDataException("The attachment file's header is damaged.");
        var fileKey = protector.Unprotect(Purpose, key, wrapped);
        return new DecryptingStream(file, fileKey, (int)chunkBytes, AssociatedData(key));
    }

    private static void Nonce(Span<byte> nonce, long index, byte flags)
    {
        BinaryPrimitives.WriteInt64BigEndian(nonce, index);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], flags);
    }

    /// <summary>Write-only: buffers one chunk, encrypts it when full; <see cref="Complete"/> writes the last chunk.</summary>
    internal sealed class EncryptingStream(Stream file, byte[] fileKey, int chunkBytes, byte[] associatedData) : Stream
    {
        private readonly AesGcm _aes = new(fileKey, TagBytes);
        private readonly byte[] _plain = new byte[chunkBytes];
        private readonly byte[] _cipher = new byte[5 + chunkBytes + TagBytes];
        private int _filled;
        private long _index;
        private bool _completed;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_completed) throw new InvalidOperationException("The attachment has been completed.");
            while (!buffer.IsEmpty)
            {
                if (_filled == _plain.Length) WriteChunk(last: false);
                var take = Math.Min(buffer.Length, _plain.Length - _filled);
                buffer[..take].CopyTo(_plain.AsSpan(_filled));
                _filled += take;
                buffer = buffer[take..];
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        /// <summary>Encrypts what is buffered as the last chunk. Without it, a reader refuses the file as incomplete.</summary>
        public void Complete()
        {
            if (_completed) return;
            WriteChunk(last: true);
            _completed = true;
        }

        private void WriteChunk(bool last)
        {
            var flags = (byte)(last ? 1 : 0);
            Span<byte> nonce = stackalloc byte[NonceBytes];
            Nonce(nonce, _index++, flags);
            _cipher[0] = flags;
            BinaryPrimitives.WriteUInt32BigEndian(_cipher.AsSpan(1), (uint)_filled);
            _aes.Encrypt(nonce, _plain.AsSpan(0, _filled), _cipher.AsSpan(5, _filled), _cipher.AsSpan(5 + _filled, TagBytes), associatedData);
            file.Write(_cipher, 0, 5 + _filled + TagBytes);
            CryptographicOperations.ZeroMemory(_plain.AsSpan(0, _filled));
            _filled = 0;
        }

        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => !_completed;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _aes.Dispose();
                CryptographicOperations.ZeroMemory(fileKey);
                CryptographicOperations.ZeroMemory(_plain);
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>Read-only, forward-only: decrypts and authenticates one chunk at a time. Owns the file stream.</summary>
    internal sealed class DecryptingStream(Stream file, byte[] fileKey, int chunkBytes, byte[] associatedData) : Stream
    {
        private readonly AesGcm _aes = new(fileKey, TagBytes);
        private readonly byte[] _plain = new byte[chunkBytes];
        private readonly byte[] _cipher = new byte[chunkBytes + TagBytes];
        private int _offset, _available;
        private long _index;
        private bool _ended;

        public override int Read(Span<byte> buffer)
        {
            while (_offset == _available)
            {
                if (_ended) return 0;
                ReadChunk();
            }
            var take = Math.Min(buffer.Length, _available - _offset);
            _plain.AsSpan(_offset, take).CopyTo(buffer);
            _offset += take;
            return take;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        private void ReadChunk()
        {
            Span<byte> head = stackalloc byte[5];
            if (file.ReadAtLeast(head, 5, throwOnEndOfStream: false) < 5)
                throw new InvalidDataException("The attachment file is incomplete (it ends before its last chunk).");
            var flags = head[0];
            var length = BinaryPrimitives.ReadUInt32BigEndian(head[1..]);
            if (flags > 1 || length > (uint)chunkBytes) throw new InvalidDataException("The attachment file is damaged.");
            var size = (int)length;
            if (file.ReadAtLeast(_cipher.AsSpan(0, size + TagBytes), size + TagBytes, throwOnEndOfStream: false) < size + TagBytes)
                throw new InvalidDataException("The attachment file is incomplete.");
            Span<byte> nonce = stackalloc byte[NonceBytes];
            Nonce(nonce, _index++, flags);
            _aes.Decrypt(nonce, _cipher.AsSpan(0, size), _cipher.AsSpan(size, TagBytes), _plain.AsSpan(0, size), associatedData);
            (_offset, _available) = (0, size);
            if (flags == 1)
            {
                _ended = true;
                if (file.ReadByte() >= 0) throw new InvalidDataException("The attachment file has data after its last chunk.");
            }
        }

        public override void Flush() { }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _aes.Dispose();
                file.Dispose();
                CryptographicOperations.ZeroMemory(fileKey);
                CryptographicOperations.ZeroMemory(_plain);
            }
            base.Dispose(disposing);
        }
    }
}
