using System.Security.Cryptography;

namespace Licentia.Core.Keys;

/// <summary>
/// The cryptography of signing keys, through System.Security.Cryptography only: key generation,
/// PKCS#8 and SubjectPublicKeyInfo encodings, and the KMS signature formats (RSASSA-PSS with a salt
/// as long as the hash, RSASSA-PKCS1-v1_5, and ECDSA as a DER SEQUENCE { r, s } as KMS returns it).
/// </summary>
public static class SigningKeyMaterial
{
    /// <summary>A new key pair: the PKCS#8 private key (to be encrypted at once) and the DER SubjectPublicKeyInfo.</summary>
    public static (byte[] Pkcs8PrivateKey, byte[] SubjectPublicKeyInfo) Generate(SigningKeySpec spec)
    {
        using AsymmetricAlgorithm key = spec switch
        {
            SigningKeySpec.Rsa2048 => RSA.Create(2048),
            SigningKeySpec.Rsa3072 => RSA.Create(3072),
            SigningKeySpec.Rsa4096 => RSA.Create(4096),
            SigningKeySpec.EccNistP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            SigningKeySpec.EccNistP384 => ECDsa.Create(ECCurve.NamedCurves.nistP384),
            SigningKeySpec.EccNistP521 => ECDsa.Create(ECCurve.NamedCurves.nistP521),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Unknown key spec."),
        };
        return (key.ExportPkcs8PrivateKey(), key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Imports a PKCS#8 private key of the given spec; the caller owns (and may share) the result.</summary>
    public static AsymmetricAlgorithm ImportPrivateKey(SigningKeySpec spec, ReadOnlySpan<byte> pkcs8)
    {
        AsymmetricAlgorithm key = IsRsa(spec) ? RSA.Create() : ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Signs a digest (already the algorithm's hash of the message) in KMS's signature format.</summary>
    public static byte[] SignDigest(AsymmetricAlgorithm privateKey, SigningAlgorithm algorithm, byte[] digest) => privateKey switch
    {
        RSA rsa => rsa.SignHash(digest, SigningAlgorithmRules.HashOf(algorithm), RsaPadding(algorithm)),
        ECDsa ecdsa => ecdsa.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence),
        _ => throw new ArgumentException($"Unsupported key type {privateKey.GetType().Name}.", nameof(privateKey)),
    };

    /// <summary>Whether the signature is valid for the digest; a malformed signature is simply not valid.</summary>
    public static bool VerifyDigest(AsymmetricAlgorithm key, SigningAlgorithm algorithm, byte[] digest, ReadOnlySpan<byte> signature)
    {
        try
        {
            return key switch
            {
                RSA rsa => rsa.VerifyHash(digest, signature, SigningAlgorithmRules.HashOf(algorithm), RsaPadding(algorithm)),
                ECDsa ecdsa => ecdsa.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence),
                _ => throw new ArgumentException($"Unsupported key type {key.GetType().Name}.", nameof(key)),
            };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static bool IsRsa(SigningKeySpec spec) => spec is SigningKeySpec.Rsa2048 or SigningKeySpec.Rsa3072 or SigningKeySpec.Rsa4096;

    // RSASignaturePadding.Pss uses a salt as long as the hash output, which is what KMS's RSASSA_PSS_* use.
    private static RSASignaturePadding RsaPadding(SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.RsassaPssSha256 or SigningAlgorithm.RsassaPssSha384 or SigningAlgorithm.RsassaPssSha512 => RSASignaturePadding.Pss,
        SigningAlgorithm.RsassaPkcs1V15Sha256 or SigningAlgorithm.RsassaPkcs1V15Sha384 or SigningAlgorithm.RsassaPkcs1V15Sha512 => RSASignaturePadding.Pkcs1,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not an RSA signing algorithm."),
    };
}
