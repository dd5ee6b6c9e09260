using Licentia.Core.Tagging;

namespace Licentia.Core.Keys;

/// <summary>
/// The members of CreateKey as given on the wire. KeySpec and KeyUsage stay wire names here because
/// the rules that refuse a combination speak about every KMS value, not only the ones Licentia creates.
/// </summary>
public sealed record CreateSigningKeyCommand
{
    public string? KeyUsage { get; init; }
    public string? KeySpec { get; init; }
    /// <summary>The deprecated name of KeySpec; accepted when KeySpec is absent, as KMS does.</summary>
    public string? CustomerMasterKeySpec { get; init; }
    public string? Description { get; init; }
    public string? Origin { get; init; }
    public bool? MultiRegion { get; init; }
    public string? CustomKeyStoreId { get; init; }
    public string? XksKeyId { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}
