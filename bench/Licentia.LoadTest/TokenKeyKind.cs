namespace Licentia.LoadTest;

/// <summary>A kind of issuer key: its KMS key spec and the algorithm a check-out token is signed with.</summary>
/// <param name="Name">The suffix of the scenario names (<c>checkout-rsa</c>, <c>sign-rsa</c>).</param>
internal sealed record TokenKeyKind(string Name, string Label, string KeySpec, string JwsAlgorithm, string KmsAlgorithm)
{
    public static readonly IReadOnlyList<TokenKeyKind> All =
    [
        new("rsa", "RSA-2048", "RSA_2048", "PS256", "RSASSA_PSS_SHA_256"),
        new("p256", "P-256", "ECC_NIST_P256", "ES256", "ECDSA_SHA_256"),
    ];

    /// <summary>The kind named by a <c>sign-*</c> or <c>checkout-*</c> scenario, or null for any other scenario.</summary>
    public static TokenKeyKind? Of(string scenario) =>
        scenario.StartsWith("sign-", StringComparison.Ordinal) || scenario.StartsWith("checkout-", StringComparison.Ordinal)
            ? All.FirstOrDefault(k => k.Name == scenario[(scenario.IndexOf('-', StringComparison.Ordinal) + 1)..])
            : null;
}
