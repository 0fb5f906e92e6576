using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Nacars.Core.Data;

/// <summary>The certificate that encrypts the Data Protection keys at rest (Nacars:KeyRing:CertificatePath).</summary>
public static class KeyRingCertificate
{
    /// <summary>The certificate, or null when none is configured. A configured one that cannot be used is a start-up
    /// failure: the reason comes back in <paramref name="problem"/> and is reported at start-up as one clear line.</summary>
    public static X509Certificate2? Load(KeyRingOptions? options, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(options?.CertificatePath)) return null;
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            if (certificate.HasPrivateKey && certificate.GetRSAPrivateKey() is not null) return certificate;
            problem = $"The key ring certificate '{options.CertificatePath}' has no RSA private key: keys protected with it could not be read back.";
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            problem = $"The key ring certificate '{options.CertificatePath}' cannot be read (Nacars:KeyRing:CertificatePath and CertificatePassword): {ex.Message}";
        }
        return null;
    }
}
