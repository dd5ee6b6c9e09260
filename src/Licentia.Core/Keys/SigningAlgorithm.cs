namespace Licentia.Core.Keys;

/// <summary>The KMS signing algorithms Licentia's key specs support.</summary>
public enum SigningAlgorithm
{
    RsassaPssSha256,
    RsassaPssSha384,
    RsassaPssSha512,
    RsassaPkcs1V15Sha256,
    RsassaPkcs1V15Sha384,
    RsassaPkcs1V15Sha512,
    EcdsaSha256,
    EcdsaSha384,
    EcdsaSha512,
}
