using System.Globalization;
using System.Text;

namespace Licentia.Aws.Auth;

/// <summary>
/// Reads the signing inputs from either form and refuses incomplete ones with the wording AWS
/// uses. Only syntax is checked here; time, scope and signature are the verifier's.
/// </summary>
internal static class SigV4AuthParser
{
    private static readonly string[] HeaderParameters = ["Credential", "Signature", "SignedHeaders"];

    private static readonly string[] QueryParameters =
    [
        SigV4Names.AlgorithmParameter,
        SigV4Names.CredentialParameter,
        SigV4Names.SignatureParameter,
        SigV4Names.SignedHeadersParameter,
        SigV4Names.DateParameter,
    ];

    public static (SigV4AuthParameters? Parameters, SigV4Failure? Failure) Parse(
        SigV4Request request, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var authorization = request.Headers.GetFirst(SigV4Names.AuthorizationHeader)?.Trim();
        var hasHeader = authorization is not null && authorization.StartsWith("AWS4-", StringComparison.Ordinal);
        var hasQuery = query.Any(static p =>
            p.Key is SigV4Names.AlgorithmParameter or SigV4Names.CredentialParameter or SigV4Names.SignatureParameter);

        if (hasHeader && hasQuery)
        {
            return Fail(SigV4FailureReason.ConflictingAuthentication,
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }

        if (hasHeader)
        {
            return ParseHeader(request, authorization!);
        }

        if (hasQuery)
        {
            return ParseQuery(request, query);
        }

        return Fail(SigV4FailureReason.MissingAuthentication, "Missing Authentication Token");
    }

    private static (SigV4AuthParameters?, SigV4Failure?) ParseHeader(SigV4Request request, string authorization)
    {
        var firstSpace = authorization.IndexOfAny([' ', '\t', ',']);
        var algorithm = firstSpace < 0 ? authorization : authorization[..firstSpace];
        var rest = firstSpace < 0 ? "" : authorization[firstSpace..];

        // Clients separate the pairs with ", " but AWS also accepts bare commas or bare spaces.
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var piece in rest.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return Fail(SigV4FailureReason.IncompleteSignature,
                    $"'{piece}' not a valid key=value pair (missing equal-sign) in Authorization header: '{authorization}'.");
            }

            values.TryAdd(piece[..equals], piece[(equals + 1)..]);
        }

        var missing = new StringBuilder();
        foreach (var name in HeaderParameters)
        {
            // SignedHeaders may be empty at this stage; the host check refuses it later with a clearer message.
            if (!values.TryGetValue(name, out var value) || (value.Length == 0 && name != "SignedHeaders"))
            {
                missing.Append(CultureInfo.InvariantCulture, $"Authorization header requires '{name}' parameter. ");
            }
        }

        var amzDate = request.Headers.GetFirst(SigV4Names.AmzDateHeader)?.Trim();
        var httpDate = request.Headers.GetFirst(SigV4Names.DateHeader);
        if (amzDate is null && httpDate is null)
        {
            missing.Append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }

        if (missing.Length > 0)
        {
            return Fail(SigV4FailureReason.IncompleteSignature, missing.Append("Authorization=").Append(authorization).ToString());
        }

        DateTimeOffset signingTime;
        if (amzDate is not null)
        {
            if (!AmzDate.TryParse(amzDate, out signingTime))
            {
                return BadDate(amzDate);
            }
        }
        else if (!AmzDate.TryParseHttpDate(httpDate!, out signingTime))
        {
            return BadDate(httpDate!);
        }

        return (new SigV4AuthParameters(
            IsPresigned: false,
            Algorithm: algorithm,
            Credential: values["Credential"],
            SignedHeaders: values["SignedHeaders"],
            Signature: values["Signature"],
            AmzDate: AmzDate.Format(signingTime),
            SigningTime: signingTime,
            ExpiresSeconds: null,
            SessionToken: request.Headers.GetFirst(SigV4Names.SecurityTokenHeader)?.Trim(),
            ContentSha256: request.Headers.GetFirst(SigV4Names.ContentSha256Header)?.Trim()), null);
    }

    private static (SigV4AuthParameters?, SigV4Failure?) ParseQuery(
        SigV4Request request, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        string? Get(string name) => query.FirstOrDefault(p => p.Key == name).Value;

        var missing = new StringBuilder();
        foreach (var name in QueryParameters)
        {
            // As in the header form, an empty SignedHeaders is left for the host check to refuse.
            if (Get(name) is not { } value || (value.Length == 0 && name != SigV4Names.SignedHeadersParameter))
            {
                missing.Append(CultureInfo.InvariantCulture, $"AWS query-string parameters must include '{name}'. ");
            }
        }

        if (missing.Length > 0)
        {
            return Fail(SigV4FailureReason.IncompleteSignature, missing.Append("Re-examine the query-string parameters.").ToString());
        }

        var amzDate = Get(SigV4Names.DateParameter)!;
        if (!AmzDate.TryParse(amzDate, out var signingTime))
        {
            return BadDate(amzDate);
        }

        int? expires = null;
        if (Get(SigV4Names.ExpiresParameter) is { } expiresText)
        {
            if (!int.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return Fail(SigV4FailureReason.IncompleteSignature, "X-Amz-Expires should be a number");
            }

            if (seconds < 1)
            {
                return Fail(SigV4FailureReason.IncompleteSignature, "X-Amz-Expires must be non-negative");
            }

            if (seconds > SigV4Names.MaxPresignedExpirySeconds)
            {
                return Fail(SigV4FailureReason.IncompleteSignature,
                    "X-Amz-Expires must be less than a week (in seconds) that is 604800");
            }

            expires = seconds;
        }

        return (new SigV4AuthParameters(
            IsPresigned: true,
            Algorithm: Get(SigV4Names.AlgorithmParameter)!,
            Credential: Get(SigV4Names.CredentialParameter)!,
            SignedHeaders: Get(SigV4Names.SignedHeadersParameter)!,
            Signature: Get(SigV4Names.SignatureParameter)!,
            AmzDate: amzDate,
            SigningTime: signingTime,
            ExpiresSeconds: expires,
            SessionToken: Get(SigV4Names.SecurityTokenParameter) ?? request.Headers.GetFirst(SigV4Names.SecurityTokenHeader)?.Trim(),
            ContentSha256: Get(SigV4Names.ContentSha256Parameter) ?? request.Headers.GetFirst(SigV4Names.ContentSha256Header)?.Trim()), null);
    }

    private static (SigV4AuthParameters?, SigV4Failure?) BadDate(string value) =>
        Fail(SigV4FailureReason.IncompleteSignature,
            $"Date must be in ISO-8601 'basic format'. Got '{value}'. See http://en.wikipedia.org/wiki/ISO_8601");

    private static (SigV4AuthParameters?, SigV4Failure?) Fail(SigV4FailureReason reason, string message) =>
        (null, new SigV4Failure(reason, message));
}
