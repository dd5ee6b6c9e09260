namespace Licentia.Aws;

/// <summary>
/// An HTTP request as the protocol engines see it: plain values, no ASP.NET, so tests can build one from bytes.
/// </summary>
/// <param name="Method">The HTTP method, e.g. "POST".</param>
/// <param name="Path">The request path relative to where the host mounted the engine, normally "/".</param>
/// <param name="Headers">Request headers; names are matched case-insensitively whatever the dictionary's comparer.</param>
/// <param name="Body">The raw body bytes.</param>
public sealed record AwsHttpRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>The raw query string, without the leading '?' (the query protocols read parameters from it on GET).</summary>
    public string QueryString { get; init; } = "";

    /// <summary>The host's request-scoped services, handed to handler factories (the server resolves handlers from DI).</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>The value of a header, looked up case-insensitively, or null.</summary>
    public string? Header(string name)
    {
        if (Headers.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}
