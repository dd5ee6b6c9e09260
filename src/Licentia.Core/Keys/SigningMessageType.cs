namespace Licentia.Core.Keys;

/// <summary>What Sign and Verify are given: the message itself (RAW) or its digest (DIGEST), or KMS's ML-DSA mu.</summary>
public enum SigningMessageType
{
    Raw,
    Digest,
    ExternalMu,
}
