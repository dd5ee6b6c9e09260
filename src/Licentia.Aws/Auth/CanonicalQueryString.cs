using System.Text;

namespace Licentia.Aws.Auth;

/// <summary>The CanonicalQueryString line, and the decoded parameters the verifier reads.</summary>
public static class CanonicalQueryString
{
    /// <summary>
    /// Decodes each name and value, re-encodes it with SigV4's UriEncode (so clients that escape
    /// more or less than necessary still agree), and sorts by encoded name then encoded value.
    /// Repeated names are all kept. <paramref name="excludedParameter"/> (X-Amz-Signature for
    /// presigned URLs) is left out because the signature cannot sign itself.
    /// </summary>
    public static string FromRawQuery(string rawQuery, string? excludedParameter = null)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        var pairs = new List<(string Name, string Value)>();
        foreach (var (nameBytes, valueBytes) in Split(rawQuery))
        {
            if (excludedParameter is not null
                && Encoding.UTF8.GetString(nameBytes).Equals(excludedParameter, StringComparison.Ordinal))
            {
                continue;
            }

            pairs.Add((AwsUriEncoding.Encode(nameBytes, keepSlash: false), AwsUriEncoding.Encode(valueBytes, keepSlash: false)));
        }

        // Ordinal comparison of the encoded (pure ASCII) text is byte order, which is what the spec sorts by.
        pairs.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });

        var builder = new StringBuilder(rawQuery.Length + 16);
        foreach (var (name, value) in pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(name).Append('=').Append(value);
        }

        return builder.ToString();
    }

    /// <summary>The decoded parameters in arrival order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in Split(rawQuery))
        {
            result.Add(new(Encoding.UTF8.GetString(name), Encoding.UTF8.GetString(value)));
        }

        return result;
    }

    private static IEnumerable<(byte[] Name, byte[] Value)> Split(string rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            yield return equals < 0
                ? (AwsUriEncoding.PercentDecode(part), [])
                : (AwsUriEncoding.PercentDecode(part[..equals]), AwsUriEncoding.PercentDecode(part[(equals + 1)..]));
        }
    }
}
