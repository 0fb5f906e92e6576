using System.Security.Cryptography;
using System.Text;

namespace Nacars.Core.Intake;

/// <summary>
/// The record that a form with a given submission key has been received, so a reload of the confirmation, a double
/// click or a browser's retry of the same post files nothing new: it finds this receipt and shows the same reference
/// again. The key is random, made when the form is shown; only its hash is kept, for a day (retention deletes it).
/// </summary>
public sealed class SubmissionReceipt
{
    private SubmissionReceipt() { }

    public SubmissionReceipt(string keyHash, string reference, DateTime receivedAtUtc)
    {
        KeyHash = keyHash;
        Reference = reference;
        ReceivedAtUtc = receivedAtUtc;
    }

    public string KeyHash { get; private set; } = "";
    public string Reference { get; private set; } = "";
    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>A new key for a form: 128 random bits as 32 hexadecimal digits.</summary>
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The stored form of a key within its purpose (a report, a follow-up, a call handler's draft) and with
    /// what was sent, or null when the key is missing or not one this service makes: such a post is still taken, just
    /// not de-duplicated. The content counts so that a form sent again unchanged (a reload, a retry) is recognised,
    /// while one edited and sent again under the same key (a page restored by the browser's Back button) is new.</summary>
    public static string? HashOf(string purpose, string? key, string content = "")
    {
        if (key is not { Length: 32 } || !key.All(char.IsAsciiHexDigit)) return null;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}\u001f{key.ToLowerInvariant()}\u001f{content}")));
    }
}
