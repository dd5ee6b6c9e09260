using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Licentia.Core.Tokens;

/// <summary>
/// JSON Web Tokens in compact form (RFC 7519) signed with HMAC-SHA256 (HS256) under a server-held key. Only what
/// Licentia itself issues is ever accepted: the header must be exactly HS256/JWT and the signature must verify.
/// </summary>
public sealed class CompactJwt
{
    private static readonly string Header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
    {
        ["alg"] = "HS256",
        ["typ"] = "JWT",
    }));

    private readonly byte[] _key;

    public CompactJwt(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The signing key must have at least 32 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    public string Sign(IReadOnlyDictionary<string, object> claims)
    {
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signingInput = Header + "." + payload;
        return signingInput + "." + Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>The payload of a token this key signed, or null for anything else (malformed, other key, other header).</summary>
    public JsonElement? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 16 * 1024)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            return null;
        }

        var signature = FromBase64Url(parts[2]);
        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (signature is null || !CryptographicOperations.FixedTimeEquals(signature, expected))
        {
            return null;
        }

        var payload = FromBase64Url(parts[1]);
        if (payload is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Lowercase hex SHA-256 of a token string: what is stored instead of the token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
