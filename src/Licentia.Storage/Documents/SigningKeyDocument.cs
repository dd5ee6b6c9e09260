using Licentia.Core.Keys;

namespace Licentia.Storage.Documents;

/// <summary>
/// The part of a signing key that no query uses, as one JSON document. Scope, id, ARN, key spec,
/// creation time and the key material are columns; they are not repeated here.
/// </summary>
internal sealed record SigningKeyDocument(string Description)
{
    public static SigningKeyDocument From(SigningKey key) => new(key.Description);
}

/// <summary>Key specs as stored: their KMS wire names, which never change, whatever the C# enum is called.</summary>
internal static class StoredKeySpecs
{
    public static string Of(SigningKeySpec spec) => KeyWireNames.ToWire(spec);

    public static SigningKeySpec Parse(string stored) =>
        KeyWireNames.TryParseSpec(stored, out var spec) ? spec : throw new InvalidOperationException($"Unknown stored key spec '{stored}'.");
}
