namespace Licentia.Core.Compute;

/// <summary>An EC2 <c>Filter</c>: a name and values, any of which may match. Values may use the wildcards * and ?.</summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values);

/// <summary>EC2's filter wildcards: <c>*</c> any run of characters, <c>?</c> one character, <c>\</c> escapes.</summary>
public static class Ec2Wildcard
{
    public static bool IsMatch(string pattern, string? value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return value is not null && Match(pattern, 0, value, 0);
    }

    public static bool IsMatchAny(IReadOnlyList<string> patterns, string? value)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return patterns.Any(p => IsMatch(p, value));
    }

    private static bool Match(string pattern, int p, string value, int v)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '*')
            {
                for (var skip = v; skip <= value.Length; skip++)
                {
                    if (Match(pattern, p + 1, value, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (v >= value.Length)
            {
                return false;
            }

            if (c == '\\' && p + 1 < pattern.Length)
            {
                p++;
                c = pattern[p];
                if (value[v] != c)
                {
                    return false;
                }
            }
            else if (c != '?' && value[v] != c)
            {
                return false;
            }

            p++;
            v++;
        }

        return v == value.Length;
    }
}
