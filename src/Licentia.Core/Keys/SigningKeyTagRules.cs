using Licentia.Core.Errors;
using Licentia.Core.Tagging;

namespace Licentia.Core.Keys;

/// <summary>
/// KMS's tag rules for keys: a key 1 to 128 characters not starting with <c>aws:</c> (in any case),
/// a value of at most 256, each key once per request (TagException); at most the quota of tags per
/// key (LimitExceededException). Lengths count Unicode characters.
/// </summary>
public static class SigningKeyTagRules
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const string ReservedPrefix = "aws:";

    public static void Validate(IReadOnlyList<Tag>? tags, int maxTags)
    {
        if (tags is null)
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            ArgumentNullException.ThrowIfNull(tag);
            var keyLength = tag.Key?.EnumerateRunes().Count() ?? 0;
            if (keyLength is 0 or > MaxKeyLength)
            {
                throw new TagException($"Tag key '{tag.Key}' is not valid: a tag key must be 1 to {MaxKeyLength} characters.");
            }

            if (tag.Key!.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                throw new TagException($"Tag key '{tag.Key}' is not valid: tag keys beginning with '{ReservedPrefix}' are reserved for AWS.");
            }

            if ((tag.Value ?? string.Empty).EnumerateRunes().Count() > MaxValueLength)
            {
                throw new TagException($"The value of tag '{tag.Key}' is not valid: a tag value must be at most {MaxValueLength} characters.");
            }

            if (!keys.Add(tag.Key))
            {
                throw new TagException($"Tag key '{tag.Key}' is given more than once; each tag key may appear only once.");
            }
        }

        if (tags.Count > maxTags)
        {
            throw new LimitExceededException($"{tags.Count} tags were given; a KMS key can have at most {maxTags} tags.");
        }
    }
}
