namespace Nacars.Core.Data;

/// <summary>A stored value that does not decrypt in the column it is in: it was copied there from another column, or
/// altered, outside the service (or the key ring is not the one that wrote it).</summary>
public sealed class MisplacedCiphertextException(string place, Exception inner)
    : System.Security.Cryptography.CryptographicException($"A value in {place} does not decrypt as a value of {place}: it was moved there or altered in the database, or the key ring is not the one that wrote it.", inner)
{
    public string Place { get; } = place;
}
