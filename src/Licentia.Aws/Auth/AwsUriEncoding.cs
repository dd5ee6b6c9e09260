using System.Text;

namespace Licentia.Aws.Auth;

/// <summary>
/// SigV4's UriEncode: every byte of the UTF-8 form except the RFC 3986 unreserved characters
/// becomes %XX with upper-case hex. It works on bytes so that malformed input still has one
/// deterministic encoding instead of throwing.
/// </summary>
internal static class AwsUriEncoding
{
    private const string UpperHex = "0123456789ABCDEF";

    public static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z'
        or >= (byte)'a' and <= (byte)'z'
        or >= (byte)'0' and <= (byte)'9'
        or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    public static string Encode(string value, bool keepSlash) =>
        Encode(Encoding.UTF8.GetBytes(value), keepSlash);

    public static string Encode(ReadOnlySpan<byte> bytes, bool keepSlash)
    {
        var builder = new StringBuilder(bytes.Length + 8);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b) || (keepSlash && b == (byte)'/'))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(UpperHex[b >> 4]).Append(UpperHex[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes %XX escapes only. '+' stays '+': SigV4 clients encode a space as %20, so reading '+'
    /// as a space would make a literal plus sign sign differently from what the client computed.
    /// A '%' not followed by two hex digits is kept as a literal byte.
    /// </summary>
    public static byte[] PercentDecode(string value)
    {
        var source = Encoding.UTF8.GetBytes(value);
        if (Array.IndexOf(source, (byte)'%') < 0)
        {
            return source;
        }

        var decoded = new byte[source.Length];
        var length = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == (byte)'%' && i + 2 < source.Length
                && HexValue(source[i + 1]) is var high and >= 0
                && HexValue(source[i + 2]) is var low and >= 0)
            {
                decoded[length++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                decoded[length++] = source[i];
            }
        }

        return decoded.AsSpan(0, length).ToArray();
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
