using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Identifiers;

namespace Licentia.Core.Entitlements;

/// <summary>
/// The ARN form of seller-issued licenses and grants, which carry no Region:
/// <c>arn:aws:license-manager::&lt;account&gt;:&lt;kind&gt;:&lt;prefix&gt;&lt;32 lowercase hex&gt;</c>, e.g.
/// <c>arn:aws:license-manager::111122223333:license:l-…</c> and <c>…:grant:g-…</c> (the forms the License Manager
/// user guide shows; the Region a license lives in is its HomeRegion, not part of the ARN).
/// </summary>
internal static class GlobalResourceArn
{
    public const string Partition = "aws";
    public const string Service = "license-manager";
    public const int IdHexLength = 32;

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create(RandomText.LowerHex);

    public static string NewId(IRandomSource random, string idPrefix) =>
        idPrefix + RandomText.Create(random, RandomText.LowerHex, IdHexLength);

    public static string Format(string accountId, string kind, string id) => $"arn:{Partition}:{Service}::{accountId}:{kind}:{id}";

    public static bool IsId([NotNullWhen(true)] string? text, string idPrefix) =>
        text is not null
        && text.Length == idPrefix.Length + IdHexLength
        && text.StartsWith(idPrefix, StringComparison.Ordinal)
        && text.AsSpan(idPrefix.Length).IndexOfAnyExcept(LowerHex) < 0;

    public static bool TryParse(string? text, string kind, string idPrefix, out string accountId, out string id)
    {
        accountId = id = string.Empty;
        var prefix = kind + ":";
        if (!Arn.TryParse(text, out var arn)
            || arn.Partition != Partition
            || arn.Service != Service
            || arn.Region.Length != 0
            || !Arn.IsAccountId(arn.AccountId)
            || !arn.Resource.StartsWith(prefix, StringComparison.Ordinal)
            || !IsId(arn.Resource[prefix.Length..], idPrefix))
        {
            return false;
        }

        accountId = arn.AccountId;
        id = arn.Resource[prefix.Length..];
        return true;
    }
}
