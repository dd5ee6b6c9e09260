using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;

namespace Licentia.Core.Entitlements.Grants;

/// <summary>
/// Who a grant is for: an account (<c>arn:aws:iam::&lt;12 digits&gt;:root</c>) or an organization
/// (<c>arn:aws:organizations::&lt;management account&gt;:organization/o-&lt;10 to 32 lowercase letters or digits&gt;</c>).
/// An account grant goes straight to PENDING_ACCEPT; an organization grant waits in PENDING_WORKFLOW for the
/// Organizations workflow that creates the member accounts' grants.
/// </summary>
public sealed record GrantPrincipal(string Arn, string? AccountId, string? OrganizationId)
{
    private static readonly System.Buffers.SearchValues<char> OrganizationIdCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    public bool IsOrganization => OrganizationId is not null;

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out GrantPrincipal? principal)
    {
        principal = null;
        if (!Identifiers.Arn.TryParse(text, out var arn) || arn.Partition != "aws" || arn.Region.Length != 0 || !Identifiers.Arn.IsAccountId(arn.AccountId))
        {
            return false;
        }

        if (arn.Service == "iam" && arn.Resource == "root")
        {
            principal = new GrantPrincipal(text, arn.AccountId, null);
            return true;
        }

        const string prefix = "organization/o-";
        if (arn.Service == "organizations"
            && arn.Resource.StartsWith(prefix, StringComparison.Ordinal)
            && arn.Resource.Length - prefix.Length is >= 10 and <= 32
            && arn.Resource.AsSpan(prefix.Length).IndexOfAnyExcept(OrganizationIdCharacters) < 0)
        {
            principal = new GrantPrincipal(text, null, arn.Resource["organization/".Length..]);
            return true;
        }

        return false;
    }

    public static GrantPrincipal Parse(string? text) =>
        TryParse(text, out var principal)
            ? principal
            : throw new InvalidParameterValueException(
                $"Principal '{text}' is not valid. Give an account as arn:aws:iam::<12-digit account>:root or an organization as " +
                "arn:aws:organizations::<12-digit management account>:organization/o-<id>.");
}
