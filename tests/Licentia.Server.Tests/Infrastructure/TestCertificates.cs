using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Licentia.Server.Tests.Infrastructure;

/// <summary>
/// A private certificate authority and a server certificate it issued for 127.0.0.1, written to a directory:
/// the CA as PEM (what the agent's --ca-file and AWS_CA_BUNDLE take) and the server's as a password-protected
/// PFX (what Kestrel's Certificates:Default takes). Made fresh per test; nothing is added to the machine's trust store.
/// </summary>
public sealed class TestCertificates
{
    private readonly X509Certificate2 _ca;

    private TestCertificates(X509Certificate2 ca, string caFile, string serverPfxFile, string password)
    {
        _ca = ca;
        CaFile = caFile;
        ServerPfxFile = serverPfxFile;
        ServerPfxPassword = password;
    }

    public string CaFile { get; }

    public string ServerPfxFile { get; }

    public string ServerPfxPassword { get; }

    public static TestCertificates Create(string directory)
    {
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Licentia test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var issued = serverRequest.Create(ca, now.AddMinutes(-5), now.AddHours(12), serial);
        using var server = issued.CopyWithPrivateKey(serverKey);

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var caFile = Path.Combine(directory, "ca.pem");
        var pfxFile = Path.Combine(directory, "server.pfx");
        File.WriteAllText(caFile, ca.ExportCertificatePem() + "\n");
        File.WriteAllBytes(pfxFile, server.Export(X509ContentType.Pfx, password));
        return new TestCertificates(ca, caFile, pfxFile, password);
    }

    /// <summary>Whether the certificate a server presented chains to this CA (and to nothing else).</summary>
    public bool Issued(X509Certificate? presented)
    {
        if (presented is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }
}
