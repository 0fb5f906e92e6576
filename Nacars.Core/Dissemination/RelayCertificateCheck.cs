using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Nacars.Core.Dissemination;

/// <summary>
/// Validates the relay's certificate for one connection and says, in words, why it was refused: untrusted root, name
/// mismatch, expired, revoked, revocation unknown. The chain is built here (not by the TLS stack's own check) so that
/// <see cref="MailOptions.Revocation"/> decides what an unreachable revocation list means, and so that the refusal
/// reaches the log, the outbox row, the delivery status and the admin's mail check instead of "certificate not trusted".
/// </summary>
public sealed class RelayCertificateCheck(MailOptions mail, string host)
{
    private const X509ChainStatusFlags RevocationUnknown = X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;

    /// <summary>Why the certificate was refused; null when it was accepted.</summary>
    public string? Refusal { get; private set; }
    /// <summary>Accepted, but with something an operator should know (the revocation status could not be had).</summary>
    public string? Warning { get; private set; }
    /// <summary>The chain as built, leaf first: "CN=relay.example ← CN=Example CA".</summary>
    public string? Chain { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) return Refuse("the relay sent no certificate");
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = mail.Revocation == RevocationCheck.Off ? X509RevocationMode.NoCheck : X509RevocationMode.Online;
        chain.ChainPolicy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
        chain.ChainPolicy.UrlRetrievalTimeout = TimeSpan.FromSeconds(10);
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }
        if (mail.TrustedCaPath is { } caPath)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificateFromFile(caPath));
        }
        var built = chain.Build(leaf);
        Chain = string.Join(" ← ", chain.ChainElements.Select(e => e.Certificate.Subject));
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            return Refuse($"name mismatch: the certificate is for {Names(leaf)}, not {host}");
        var status = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        if (built && status == X509ChainStatusFlags.NoError) return true;
        if (status.HasFlag(X509ChainStatusFlags.Revoked)) return Refuse("the certificate has been revoked by its CA");
        if (status.HasFlag(X509ChainStatusFlags.NotTimeValid))
            return Refuse($"the certificate has expired or is not yet valid (valid {leaf.NotBefore.ToUniversalTime():u} to {leaf.NotAfter.ToUniversalTime():u})");
        if ((status & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
            return Refuse(mail.TrustedCaPath is null
                ? "untrusted root: the certificate does not chain to a CA this machine trusts"
                : $"untrusted root: the certificate does not chain to the CA in Nacars:Mail:TrustedCaPath ({mail.TrustedCaPath})");
        if (status.HasFlag(X509ChainStatusFlags.NotSignatureValid))
            return Refuse("the certificate's signature does not match the CA it names (forged, or another CA with the same name)");
        if ((status & ~RevocationUnknown) != 0) return Refuse($"the certificate chain is not valid ({status & ~RevocationUnknown})");
        // Only the revocation status is missing: the CA's list or responder could not be reached.
        if (mail.Revocation == RevocationCheck.Required)
            return Refuse("revocation status unknown: the CA's revocation list or OCSP responder could not be reached, and Nacars:Mail:Revocation is Required");
        Warning = $"the revocation status of {host}'s certificate could not be had (the CA's revocation list or OCSP responder is unreachable); sent anyway, as Nacars:Mail:Revocation is IfReachable";
        return true;
    }

    private bool Refuse(string why)
    {
        Refusal = why;
        return false;
    }

    private static string Names(X509Certificate2 certificate)
    {
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).ToList();
        return names.Count > 0 ? string.Join(", ", names) : certificate.GetNameInfo(X509NameType.SimpleName, false);
    }
}
