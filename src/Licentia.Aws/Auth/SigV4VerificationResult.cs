using System.Diagnostics.CodeAnalysis;

namespace Licentia.Aws.Auth;

/// <summary>Either the identity of a correctly signed request or why it was refused.</summary>
public sealed class SigV4VerificationResult
{
    private SigV4VerificationResult(SigV4Identity? identity, SigV4Failure? failure)
    {
        Identity = identity;
        Failure = failure;
    }

    public SigV4Identity? Identity { get; }

    public SigV4Failure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Identity))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Identity is not null;

    public static SigV4VerificationResult Success(SigV4Identity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new(identity, null);
    }

    public static SigV4VerificationResult Fail(SigV4Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(null, failure);
    }

    public override string ToString() => Succeeded ? $"Succeeded: {Identity}" : $"Failed: {Failure.Reason}: {Failure.Message}";
}
