using Licentia.Core.Errors;
using Licentia.Core.Tagging;

namespace Licentia.Core.LicenseConfigurations;

/// <summary>TagResource, UntagResource and ListTagsForResource for license configuration ARNs.</summary>
public sealed partial class LicenseConfigurationManager
{
    /// <summary>TagResource: adds the tags, overwriting the values of keys the resource carries already.</summary>
    /// <exception cref="InvalidParameterValueException">A tag is not valid, the resource would carry too many tags, or the ARN names no configuration of this scope.</exception>
    public async Task TagResourceAsync(Scope scope, string resourceArn, IReadOnlyList<Tag> tags, CancellationToken ct)
    {
        if (tags is null || tags.Count == 0)
        {
            throw new InvalidParameterValueException("Tags is empty; give at least one tag to add.");
        }

        TagRules.ValidateTags(tags, _quotas.TagsPerResource);
        var (_, configuration) = await ResolveAsync(scope, resourceArn, "ResourceArn", ct);
        if (!await _tags.TryPutAsync(scope, configuration.Arn, [.. tags], _quotas.TagsPerResource, ct))
        {
            throw new InvalidParameterValueException(
                $"Resource '{configuration.Arn}' would carry more than {_quotas.TagsPerResource} tags. Remove tags before adding new keys.");
        }
    }

    /// <summary>UntagResource: removes the keys; keys the resource does not carry are ignored.</summary>
    public async Task UntagResourceAsync(Scope scope, string resourceArn, IReadOnlyList<string> tagKeys, CancellationToken ct)
    {
        TagRules.ValidateKeys(tagKeys);
        var (_, configuration) = await ResolveAsync(scope, resourceArn, "ResourceArn", ct);
        await _tags.RemoveAsync(scope, configuration.Arn, [.. tagKeys.Distinct(StringComparer.Ordinal)], ct);
    }

    /// <summary>ListTagsForResource: the resource's tags ordered by key.</summary>
    public async Task<IReadOnlyList<Tag>> ListTagsForResourceAsync(Scope scope, string resourceArn, CancellationToken ct)
    {
        var (_, configuration) = await ResolveAsync(scope, resourceArn, "ResourceArn", ct);
        return await _tags.ListAsync(scope, configuration.Arn, ct);
    }
}
