using System.Security.Cryptography;
using System.Text;

namespace Licentia.Aws.Auth;

/// <summary>The two primitives SigV4 is built from, with the lower-case hex it prints them in.</summary>
internal static class Sha256
{
    public static string Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public static string Hex(ReadOnlySpan<byte> value) => Convert.ToHexStringLower(SHA256.HashData(value));

    public static byte[] Hmac(ReadOnlySpan<byte> key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    public static bool IsHex(string value)
    {
        if (value.Length != 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
