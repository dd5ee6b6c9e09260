using System.Text;

namespace Licentia.Aws.Query;

/// <summary>
/// The parameters of a query-protocol request: the query string and, for a form-encoded POST, the body
/// (application/x-www-form-urlencoded: '+' is a space, %XX are UTF-8 bytes). A name given twice keeps its
/// first value.
/// </summary>
public sealed class QueryParameters
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private QueryParameters()
    {
    }

    /// <summary>Parameter names in the order they came.</summary>
    public IReadOnlyList<string> Names => [.. _values.Keys];

    public int Count => _values.Count;

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>The parameters of a request: its query string, then its body when the body is a form.</summary>
    public static QueryParameters From(string rawQuery, string? contentType, ReadOnlySpan<byte> body)
    {
        var parameters = new QueryParameters();
        parameters.Add(rawQuery);
        if (IsForm(contentType) && !body.IsEmpty)
        {
            parameters.Add(Encoding.UTF8.GetString(body));
        }

        return parameters;
    }

    /// <summary>Whether a Content-Type is a URL-encoded form (any charset parameter).</summary>
    public static bool IsForm(string? contentType) =>
        contentType is not null && contentType.TrimStart().StartsWith(FormContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The decoded value of one parameter of a raw query or form text, without parsing the rest.</summary>
    public static string? Find(string encoded, string name)
    {
        foreach (var pair in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (Decode(equals < 0 ? pair : pair[..equals]) == name)
            {
                return equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            }
        }

        return null;
    }

    private void Add(string encoded)
    {
        foreach (var pair in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            if (name.Length > 0)
            {
                _values.TryAdd(name, equals < 0 ? "" : Decode(pair[(equals + 1)..]));
            }
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
