namespace Nacars.Core.Data;

/// <summary>A secret the service generated for itself, stored encrypted with the key ring (like the fields it
/// protects), so a copy of the database alone does not hold it.</summary>
public sealed class ProtectedSecret
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}
