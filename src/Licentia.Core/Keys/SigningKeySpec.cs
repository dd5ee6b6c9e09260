namespace Licentia.Core.Keys;

/// <summary>The asymmetric key specs Licentia creates signing keys with (a subset of KMS's KeySpec).</summary>
public enum SigningKeySpec
{
    Rsa2048,
    Rsa3072,
    Rsa4096,
    EccNistP256,
    EccNistP384,
    EccNistP521,
}
