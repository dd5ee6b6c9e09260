using Licentia.Core.Errors;

namespace Licentia.Core.Tagging;

/// <summary>
/// The AWS tag rules: key 1 to 128 characters, value 0 to 256, keys starting with "aws:" are reserved
/// for AWS, each key at most once per request. Lengths count Unicode characters, not UTF-16 units.
/// </summary>
public static class TagRules
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const string ReservedPrefix = "aws:";

    /// <summary>Checks tags to be put on a resource; <paramref name="maxTags"/> bounds the request itself.</summary>
    public static void ValidateTags(IReadOnlyList<Tag>? tags, int maxTags)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > maxTags)
        {
            throw new InvalidParameterValueException($"{tags.Count} tags were given; a resource can carry at most {maxTags} tags.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (tag is null)
            {
                throw new InvalidParameterValueException("The tag list contains an empty entry; each tag needs a Key.");
            }

            ValidateKey(tag.Key);
            var value = tag.Value ?? string.Empty;
            if (CountCharacters(value) > MaxValueLength || value.Any(char.IsControl))
            {
                throw new InvalidParameterValueException(
                    $"The value of tag '{tag.Key}' is not valid: it must be at most {MaxValueLength} characters without control characters.");
            }

            if (!keys.Add(tag.Key))
            {
                throw new InvalidParameterValueException($"Tag key '{tag.Key}' is given more than once; give each key once.");
            }
        }
    }

    /// <summary>Checks keys to be removed from a resource.</summary>
    public static void ValidateKeys(IReadOnlyList<string>? keys)
    {
        if (keys is null || keys.Count == 0)
        {
            throw new InvalidParameterValueException("TagKeys is empty; give at least one tag key to remove.");
        }

        foreach (var key in keys)
        {
            ValidateKey(key, forRemoval: true);
        }
    }

    private static void ValidateKey(string? key, bool forRemoval = false)
    {
        if (string.IsNullOrEmpty(key) || CountCharacters(key) > MaxKeyLength || key.Any(char.IsControl))
        {
            throw new InvalidParameterValueException(
                $"Tag key '{key}' is not valid: it must be 1 to {MaxKeyLength} characters without control characters.");
        }

        // Removing an aws: key is refused too: such keys can only be managed by AWS itself.
        if (key.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidParameterValueException(
                $"Tag key '{key}' is not allowed{(forRemoval ? " here" : string.Empty)}: keys starting with '{ReservedPrefix}' are reserved for AWS.");
        }
    }

    private static int CountCharacters(string text) => text.EnumerateRunes().Count();
}
