using System.Security.Cryptography;
using System.Text;
using Nacars.Core.Contacts;

namespace Nacars.Core.Intake;

/// <summary>
/// The code a reporter keeps to add information later. 16 random Crockford symbols (80 bits) shown once and stored
/// only as a salted SHA-256 hash: with that much entropy a slow hash adds nothing, and intake stays fast.
/// </summary>
public static class FollowUpCode
{
    /// <summary>A stored hash that no typed code matches, compared against when a reference does not exist, so a wrong
    /// reference costs the same time as a wrong code.</summary>
    public static readonly string Decoy = Hash(New());

    public static string New()
    {
        Span<char> c = stackalloc char[16];
        RandomNumberGenerator.GetItems(Reference.Alphabet, c); // one read of the OS generator, not one per symbol
        return $"{c[..4]}-{c[4..8]}-{c[8..12]}-{c[12..]}";
    }

    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Convert.ToBase64String(salt)}:{Convert.ToBase64String(Digest(salt, Canonical(code)))}";
    }

    public static bool Matches(string? typed, string? stored)
    {
        if (typed is null || stored is null) return false;
        var parts = stored.Split(':');
        if (parts.Length != 2) return false;
        var salt = Convert.FromBase64String(parts[0]);
        return CryptographicOperations.FixedTimeEquals(Digest(salt, Canonical(typed)), Convert.FromBase64String(parts[1]));
    }

    private static string Canonical(string code) => new(code.ToUpperInvariant()
        .Where(ch => !char.IsWhiteSpace(ch) && ch != '-')
        .Select(ch => ch switch { 'O' => '0', 'I' or 'L' => '1', _ => ch }).ToArray());

    private static byte[] Digest(byte[] salt, string canonical) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(canonical)]);
}
