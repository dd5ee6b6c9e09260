using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Errors;
using Licentia.Core.Tagging;

namespace Licentia.Core.Entitlements;

/// <summary>
/// TagResource, UntagResource and ListTagsForResource on license and grant ARNs (the API reference lists licenses,
/// grants, license configurations and report generators as taggable). Tags belong to the resource's owner: the
/// license's issuer, the grant's grantor, in the HomeRegion where the resource lives, and are stored under that
/// account and Region. A grantee that can read the resource is refused (AccessDeniedException); any other caller is
/// told it does not exist (InvalidParameterValueException, as for license configurations), so nothing can be probed.
/// A deleted license is read-only: its tags can be listed, not changed.
/// </summary>
public sealed class EntitlementTagManager(ILicenseStore licenses, IGrantStore grants, ITagStore tags, LicensingQuotas quotas, TimeProvider time)
{
    /// <summary>Whether the ARN names a license or a grant, which this manager tags.</summary>
    public static bool Handles(string? resourceArn) => LicenseArn.TryParse(resourceArn, out _) || GrantArn.TryParse(resourceArn, out _);

    /// <summary>TagResource: adds the tags, overwriting the values of keys the resource carries already.</summary>
    public async Task TagResourceAsync(Scope scope, string resourceArn, IReadOnlyList<Tag> newTags, CancellationToken ct)
    {
        if (newTags is null || newTags.Count == 0)
        {
            throw new InvalidParameterValueException("Tags is empty; give at least one tag to add.");
        }

        TagRules.ValidateTags(newTags, quotas.TagsPerResource);
        var arn = await ResolveOwnedAsync(scope, resourceArn, change: true, ct);
        if (!await tags.TryPutAsync(scope, arn, [.. newTags], quotas.TagsPerResource, ct))
        {
            throw new InvalidParameterValueException(
                $"Resource '{arn}' would carry more than {quotas.TagsPerResource} tags. Remove tags before adding new keys.");
        }
    }

    /// <summary>UntagResource: removes the keys; keys the resource does not carry are ignored.</summary>
    public async Task UntagResourceAsync(Scope scope, string resourceArn, IReadOnlyList<string> tagKeys, CancellationToken ct)
    {
        TagRules.ValidateKeys(tagKeys);
        var arn = await ResolveOwnedAsync(scope, resourceArn, change: true, ct);
        await tags.RemoveAsync(scope, arn, [.. tagKeys.Distinct(StringComparer.Ordinal)], ct);
    }

    /// <summary>ListTagsForResource: the resource's tags ordered by key.</summary>
    public async Task<IReadOnlyList<Tag>> ListTagsForResourceAsync(Scope scope, string resourceArn, CancellationToken ct)
    {
        var arn = await ResolveOwnedAsync(scope, resourceArn, change: false, ct);
        return await tags.ListAsync(scope, arn, ct);
    }

    // The canonical ARN of a license or grant the caller owns in this Region.
    private async Task<string> ResolveOwnedAsync(Scope scope, string? resourceArn, bool change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(licenses);
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        if (LicenseArn.TryParse(resourceArn, out var licenseArn))
        {
            if (licenseArn.AccountId == scope.AccountId && await licenses.FindAsync(scope, licenseArn.Id, ct) is { } license && license.IsReadableAt(now))
            {
                return change && license.DeletedAt is not null
                    ? throw new ValidationException($"License '{license.Arn}' is {LicenseStatusNames.ToWire(license.StatusAt(now))}; it is read-only and its tags cannot change.")
                    : license.Arn;
            }

            if ((await grants.ListReceivedAsync(scope, new GrantQuery { LicenseArns = [licenseArn.ToString()], Limit = 1 }, ct)).Items.Count > 0)
            {
                throw new AccessDeniedException($"Only the issuer of license '{licenseArn}' can tag it; this account received it through a grant.");
            }
        }
        else if (GrantArn.TryParse(resourceArn, out var grantArn))
        {
            if (grantArn.AccountId == scope.AccountId && await grants.FindAsync(scope, grantArn.Id, ct) is { } grant)
            {
                return grant.Arn;
            }

            if (await grants.FindReceivedAsync(scope, grantArn.Id, ct) is { } received && received.AccountId == grantArn.AccountId)
            {
                throw new AccessDeniedException($"Only the grantor of grant '{received.Arn}' can tag it; this account is its grantee.");
            }
        }

        throw new InvalidParameterValueException($"Resource '{resourceArn}' does not exist in account {scope.AccountId} and {scope.Region}.");
    }
}
