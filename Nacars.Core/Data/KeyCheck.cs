namespace Nacars.Core.Data;

/// <summary>A protected canary for each Data Protection key that has protected data here, written when the key first
/// comes into use: if any cannot be read back at start-up, the key ring is missing, wrong, or restored from a backup
/// older than some of the data, and the app refuses to start rather than write data nobody can read.</summary>
public sealed class KeyCheck
{
    public int Id { get; set; }
    public string Canary { get; set; } = "";
    /// <summary>The key the canary was protected with (null for the first canary of an older database).</summary>
    public Guid? KeyId { get; set; }
    public const string Expected = "nacars-key-check";
}
