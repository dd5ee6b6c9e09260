namespace Licentia.Aws.Auth;

public sealed class SigV4VerifierOptions
{
    /// <summary>How far a header-form timestamp may lie from the server clock either way (AWS: 15 minutes).</summary>
    public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How many derived signing keys to keep.</summary>
    public int SigningKeyCacheCapacity { get; init; } = SigningKeyCache.DefaultCapacity;
}
