using System.Text;

namespace Licentia.Aws.Auth;

/// <summary>The CanonicalHeaders block and the SignedHeaders line.</summary>
public static class CanonicalHeaders
{
    /// <summary>
    /// One "name:value\n" line per signed header, in the order given. Repeated headers are joined
    /// with commas in arrival order; each value is trimmed and its runs of whitespace (including
    /// the line breaks of folded multi-line values) become one space. A signed header the request
    /// lacks contributes an empty value, so the signature simply fails to match.
    /// </summary>
    public static string Build(SigV4HeaderCollection headers, IEnumerable<string> signedHeaderNames)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(signedHeaderNames);
        var builder = new StringBuilder();
        foreach (var name in signedHeaderNames)
        {
            builder.Append(name).Append(':');
            var values = headers.GetValues(name);
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                AppendNormalized(builder, values[i]);
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    public static string NormalizeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        AppendNormalized(builder, value);
        return builder.ToString();
    }

    private static void AppendNormalized(StringBuilder builder, string value)
    {
        var pendingSpace = false;
        var wroteAny = false;
        foreach (var c in value)
        {
            if (c is ' ' or '\t' or '\r' or '\n' or '\v' or '\f')
            {
                pendingSpace = wroteAny;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            wroteAny = true;
        }
    }
}
