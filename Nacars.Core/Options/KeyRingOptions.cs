namespace Nacars.Core;

public sealed class KeyRingOptions
{
    /// <summary>A PKCS#12 (.pfx) certificate whose key encrypts the Data Protection keys at rest. Required on Postgres,
    /// where the keys are shared through the database; optional for the SQLite key ring folder.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}
