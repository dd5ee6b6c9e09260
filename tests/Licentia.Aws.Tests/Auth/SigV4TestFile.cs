using System.Text;
using Licentia.Aws.Auth;

namespace Licentia.Aws.Tests.Auth;

/// <summary>
/// A parsed .req or .sreq file of the AWS SigV4 test suite. The files are raw HTTP/1.1 text with
/// LF or CRLF line ends; a header line starting with whitespace continues the previous value
/// (get-header-value-multiline), and the request line may hold a path with a raw space
/// (get-space), so the target is everything between the first and the last space.
/// </summary>
public sealed class SigV4TestFile
{
    private SigV4TestFile(string method, string rawTarget, List<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        RawTarget = rawTarget;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    public string RawTarget { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public static SigV4TestFile Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    public static SigV4TestFile Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var requestLine = lines[0];
        var firstSpace = requestLine.IndexOf(' ', StringComparison.Ordinal);
        var lastSpace = requestLine.LastIndexOf(' ');
        var method = requestLine[..firstSpace];
        var target = requestLine[(firstSpace + 1)..lastSpace];

        var headers = new List<KeyValuePair<string, string>>();
        var index = 1;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var line = lines[index];
            if (char.IsWhiteSpace(line[0]) && headers.Count > 0)
            {
                // Folded continuation: keep the line break; canonicalization turns it into one space.
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + "\n" + line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        var body = index < lines.Length ? string.Join("\n", lines[(index + 1)..]) : "";
        return new SigV4TestFile(method, target, headers, Encoding.UTF8.GetBytes(body));
    }

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public SigV4Request ToRequest()
    {
        var headers = new SigV4HeaderCollection();
        foreach (var (name, value) in Headers)
        {
            headers.Add(name, value);
        }

        return SigV4Request.FromRawTarget(Method, RawTarget, headers, Body);
    }
}
