using Licentia.Core.Errors;
using Licentia.Core.Identifiers;

namespace Licentia.Core.Keys;

/// <summary>
/// Turns the KeyId member of a request (a key id, a key ARN, an alias name or an alias ARN) into the
/// key id to look up in the caller's scope, refusing with the NotFoundException KMS gives:
/// <list type="bullet">
/// <item>not a key id or ARN at all: <c>Invalid keyId 'x'</c>;</item>
/// <item>a key ARN of another Region: <c>Invalid arn us-west-2</c>;</item>
/// <item>a key ARN of another account: <c>Key 'arn' does not exist</c> (Licentia has no key policies
/// that could share a key, so another account's key is simply not there);</item>
/// <item>an alias: <c>Alias arn:...:alias/x is not found.</c> (Licentia has no aliases yet).</item>
/// </list>
/// </summary>
public static class KeyReference
{
    private const string AliasPrefix = "alias/";

    /// <summary>The key id in <paramref name="scope"/> that <paramref name="keyIdOrArn"/> names.</summary>
    /// <exception cref="NotFoundException">It names nothing that could exist in this scope.</exception>
    public static string Resolve(Scope scope, string? keyIdOrArn)
    {
        var text = keyIdOrArn ?? string.Empty;
        if (text.StartsWith(AliasPrefix, StringComparison.Ordinal))
        {
            throw AliasNotFound($"arn:{SigningKeyArn.Partition}:{SigningKeyArn.Service}:{scope.Region}:{scope.AccountId}:{text}");
        }

        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return SigningKeyArn.IsKeyId(text) || SigningKeyArn.IsMultiRegionKeyId(text)
                ? text
                : throw new NotFoundException($"Invalid keyId '{text}'");
        }

        if (!Arn.TryParse(text, out var arn) || arn.Service != SigningKeyArn.Service || arn.Partition != SigningKeyArn.Partition)
        {
            throw new NotFoundException($"Invalid arn {text}");
        }

        if (arn.Region != scope.Region)
        {
            throw new NotFoundException($"Invalid arn {arn.Region}");
        }

        if (arn.Resource.StartsWith(AliasPrefix, StringComparison.Ordinal))
        {
            throw AliasNotFound(text);
        }

        var id = arn.Resource.StartsWith(SigningKeyArn.ResourcePrefix, StringComparison.Ordinal)
            ? arn.Resource[SigningKeyArn.ResourcePrefix.Length..]
            : string.Empty;
        if (!SigningKeyArn.IsKeyId(id) && !SigningKeyArn.IsMultiRegionKeyId(id))
        {
            throw new NotFoundException($"Invalid arn {text}");
        }

        return arn.AccountId == scope.AccountId ? id : throw NotFound(text);
    }

    /// <summary>The answer for a well-formed reference to a key that this scope does not hold.</summary>
    public static NotFoundException NotFound(string keyArn) => new($"Key '{keyArn}' does not exist");

    private static NotFoundException AliasNotFound(string aliasArn) => new($"Alias {aliasArn} is not found.");
}
