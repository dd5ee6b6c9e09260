using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Licentia.Client;

/// <summary>Why a token was refused. Stable strings: software may log and match them.</summary>
public static class LicenseTokenReasons
{
    public const string Malformed = "malformed";
    public const string AlgorithmNotAllowed = "algorithm_not_allowed";
    public const string UnknownKey = "unknown_key";
    public const string BadSignature = "bad_signature";
    public const string Expired = "expired";
    public const string NotYetValid = "not_yet_valid";
    public const string WrongNode = "wrong_node";
    public const string WrongLicense = "wrong_license";
    public const string EntitlementMissing = "entitlement_missing";
}

/// <summary>What the software expects of a token besides a good signature and time: each null member is not checked.</summary>
public sealed record LicenseTokenExpectations
{
    /// <summary>The node the token must be locked to (its nodeId).</summary>
    public string? NodeId { get; init; }

    public string? LicenseArn { get; init; }

    /// <summary>Entitlement names that must all be among the token's entitlementsAllowed.</summary>
    public IReadOnlyList<string> Entitlements { get; init; } = [];
}

public sealed record LicenseTokenVerifierOptions
{
    /// <summary>The clock expiry is checked against; inject a fake one in tests.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Tolerated difference between the server's clock and this one.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(1);
}

/// <summary>One entitlement the token allows.</summary>
public sealed record TokenEntitlement(string Name, string Unit, string? Value);

/// <summary>The verified content of a license token.</summary>
public sealed record LicenseToken
{
    public required string Algorithm { get; init; }
    public required string KeyId { get; init; }
    public required string LicenseArn { get; init; }
    public required string ConsumptionToken { get; init; }
    public required string CheckoutType { get; init; }
    public string? ProductSku { get; init; }
    public string? IssuerName { get; init; }
    public string? KeyFingerprint { get; init; }
    public string? Beneficiary { get; init; }
    public string? NodeId { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required IReadOnlyList<TokenEntitlement> Entitlements { get; init; }
    public required IReadOnlyDictionary<string, string> CheckoutMetadata { get; init; }

    public TokenEntitlement? FindEntitlement(string name) => Entitlements.FirstOrDefault(e => e.Name == name);
}

/// <summary>The outcome: <see cref="Token"/> when valid, else a <see cref="Reason"/> from <see cref="LicenseTokenReasons"/>.</summary>
public sealed record LicenseTokenVerification(LicenseToken? Token, string? Reason, string? Detail)
{
    public bool IsValid => Token is not null;

    internal static LicenseTokenVerification Refused(string reason, string detail) => new(null, reason, detail);
}

/// <summary>
/// Verifies Licentia's signed license tokens (compact JWS) offline: the signature with an allowed algorithm (PS256,
/// PS384, PS512, ES256, ES384, ES512; never "none" or HMAC) and a key of the matching type, the expiry with a small
/// leeway, then what the caller expects (node, license, entitlements).
/// </summary>
public sealed class LicenseTokenVerifier(LicenseTokenKeys keys, LicenseTokenVerifierOptions? options = null)
{
    private readonly LicenseTokenVerifierOptions _options = options ?? new LicenseTokenVerifierOptions();

    public LicenseTokenVerification Verify(string token, LicenseTokenExpectations? expect = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var parts = (token ?? string.Empty).Split('.');
        if (parts.Length != 3)
        {
            return LicenseTokenVerification.Refused(LicenseTokenReasons.Malformed, "A compact JWS has three parts.");
        }

        JsonElement header;
        JsonElement payload;
        byte[] signature;
        try
        {
            header = Parse(parts[0]);
            payload = Parse(parts[1]);
            signature = Base64Url.Decode(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return LicenseTokenVerification.Refused(LicenseTokenReasons.Malformed, "A part is not base64url JSON: " + e.Message);
        }

        var algorithm = Text(header, "alg") ?? "";
        if (!TryHash(algorithm, out var hash))
        {
            return LicenseTokenVerification.Refused(LicenseTokenReasons.AlgorithmNotAllowed, $"Algorithm '{algorithm}' is not allowed.");
        }

        var kid = Text(header, "kid");
        var candidates = keys.For(kid).ToList();
        if (candidates.Count == 0)
        {
            return LicenseTokenVerification.Refused(LicenseTokenReasons.UnknownKey, $"No key with id '{kid}'.");
        }

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!candidates.Any(key => Verifies(key, algorithm, hash, signed, signature)))
        {
            return LicenseTokenVerification.Refused(LicenseTokenReasons.BadSignature, "The signature does not verify with the key.");
        }

        LicenseToken content;
        try
        {
            content = Read(algorithm, kid ?? "", payload);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return LicenseTokenVerification.Refused(LicenseTokenReasons.Malformed, "The payload lacks a required claim: " + e.Message);
        }

        var now = _options.Time.GetUtcNow();
        if (content.ExpiresAt + _options.ClockSkew <= now)
        {
            return LicenseTokenVerification.Refused(LicenseTokenReasons.Expired, $"The token expired at {content.ExpiresAt:O}.");
        }

        if (content.IssuedAt - _options.ClockSkew > now)
        {
            return LicenseTokenVerification.Refused(LicenseTokenReasons.NotYetValid, $"The token is issued at {content.IssuedAt:O}, in the future.");
        }

        if (expect is not null)
        {
            if (expect.NodeId is not null && expect.NodeId != content.NodeId)
            {
                return LicenseTokenVerification.Refused(LicenseTokenReasons.WrongNode, $"The token is for node '{content.NodeId}', not '{expect.NodeId}'.");
            }

            if (expect.LicenseArn is not null && expect.LicenseArn != content.LicenseArn)
            {
                return LicenseTokenVerification.Refused(LicenseTokenReasons.WrongLicense, $"The token is of license '{content.LicenseArn}'.");
            }

            if (expect.Entitlements.FirstOrDefault(name => content.FindEntitlement(name) is null) is { } missing)
            {
                return LicenseTokenVerification.Refused(LicenseTokenReasons.EntitlementMissing, $"The token does not allow '{missing}'.");
            }
        }

        return new LicenseTokenVerification(content, null, null);
    }

    private static bool TryHash(string algorithm, out HashAlgorithmName hash)
    {
        hash = algorithm switch
        {
            "PS256" or "ES256" => HashAlgorithmName.SHA256,
            "PS384" or "ES384" => HashAlgorithmName.SHA384,
            "PS512" or "ES512" => HashAlgorithmName.SHA512,
            _ => default,
        };
        return hash != default;
    }

    private static bool Verifies(System.Security.Cryptography.AsymmetricAlgorithm key, string algorithm, HashAlgorithmName hash, byte[] signed, byte[] signature)
    {
        try
        {
            return (key, algorithm[0]) switch
            {
                (RSA rsa, 'P') => rsa.VerifyData(signed, signature, hash, RSASignaturePadding.Pss),
                (ECDsa ec, 'E') when CurveMatches(ec.KeySize, hash) =>
                    ec.VerifyData(signed, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    // JWS binds each ES algorithm to one curve: ES256 P-256, ES384 P-384, ES512 P-521.
    private static bool CurveMatches(int keySize, HashAlgorithmName hash) =>
        (keySize, hash.Name) is (256, "SHA256") or (384, "SHA384") or (521, "SHA512");

    private static LicenseToken Read(string algorithm, string kid, JsonElement p)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (p.TryGetProperty("checkoutMetadata", out var m) && m.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in m.EnumerateArray())
            {
                metadata[Text(item, "name") ?? ""] = Text(item, "value") ?? "";
            }
        }

        var issuer = p.TryGetProperty("issuer", out var i) && i.ValueKind == JsonValueKind.Object ? i : default;
        return new LicenseToken
        {
            Algorithm = algorithm,
            KeyId = kid,
            LicenseArn = Required(p, "licenseArn"),
            ConsumptionToken = Required(p, "licenseConsumptionToken"),
            CheckoutType = Text(p, "checkoutType") ?? "",
            ProductSku = Text(p, "productSKU"),
            IssuerName = issuer.ValueKind == JsonValueKind.Object ? Text(issuer, "name") : null,
            KeyFingerprint = issuer.ValueKind == JsonValueKind.Object ? Text(issuer, "keyFingerprint") : null,
            Beneficiary = Text(p, "beneficiary"),
            NodeId = Text(p, "nodeId"),
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(p.GetProperty("iat").GetInt64()),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(p.GetProperty("exp").GetInt64()),
            Entitlements = [.. p.GetProperty("entitlementsAllowed").EnumerateArray()
                .Select(e => new TokenEntitlement(Required(e, "name"), Text(e, "unit") ?? "", Text(e, "value")))],
            CheckoutMetadata = metadata,
        };
    }

    private static string Required(JsonElement element, string name) =>
        Text(element, name) ?? throw new KeyNotFoundException(name);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static JsonElement Parse(string part)
    {
        using var document = JsonDocument.Parse(Base64Url.Decode(part));
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.Clone()
            : throw new FormatException("Not a JSON object.");
    }
}
