namespace Licentia.Core.Keys;

/// <summary>The members of Sign. <see cref="SigningAlgorithm"/> is the wire name: whether it suits the key is a rule.</summary>
public sealed record SignCommand
{
    public required string KeyId { get; init; }
    public required ReadOnlyMemory<byte> Message { get; init; }
    public required string SigningAlgorithm { get; init; }
    public SigningMessageType MessageType { get; init; } = SigningMessageType.Raw;
    public bool DryRun { get; init; }
}

/// <summary>The members of Verify.</summary>
public sealed record VerifyCommand
{
    public required string KeyId { get; init; }
    public required ReadOnlyMemory<byte> Message { get; init; }
    public required ReadOnlyMemory<byte> Signature { get; init; }
    public required string SigningAlgorithm { get; init; }
    public SigningMessageType MessageType { get; init; } = SigningMessageType.Raw;
    public bool DryRun { get; init; }
}

/// <summary>A signature and what made it: the key's ARN (what KMS returns as KeyId) and the algorithm.</summary>
public sealed record SignatureResult(string KeyArn, byte[] Signature, SigningAlgorithm Algorithm);

/// <summary>A signature that verified.</summary>
public sealed record VerificationResult(string KeyArn, SigningAlgorithm Algorithm);
