using Licentia.Core.Errors;
using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

public sealed partial class LicenseManagerApi
{
    public async Task<Dto.CreateTokenResponse> CreateToken(Dto.CreateTokenRequest request, CancellationToken ct)
    {
        var (token, tokenString) = await Tokens.CreateAsync(
            caller.Scope, request.LicenseArn!, request.RoleArns, request.ExpirationInDays, request.TokenProperties, ct);
        return new Dto.CreateTokenResponse { TokenId = token.TokenId, TokenType = Dto.TokenType.RefreshToken, Token = tokenString };
    }

    public async Task<Dto.GetAccessTokenResponse> GetAccessToken(Dto.GetAccessTokenRequest request, CancellationToken ct) =>
        new() { AccessToken = await Tokens.GetAccessTokenAsync(request.Token!, ct) };

    public async Task<Dto.DeleteTokenResponse> DeleteToken(Dto.DeleteTokenRequest request, CancellationToken ct)
    {
        await Tokens.DeleteAsync(caller.Scope, request.TokenId!, ct);
        return new Dto.DeleteTokenResponse();
    }

    public async Task<Dto.ListTokensResponse> ListTokens(Dto.ListTokensRequest request, CancellationToken ct)
    {
        var operation = Operation(nameof(ListTokens));
        var page = await Tokens.ListAsync(
            caller.Scope, request.TokenIds, TokenMapping.LicenseArnFilter(request.Filters), paging.ReadCursor(operation, request, request.NextToken),
            Math.Clamp(request.MaxResults ?? MaxTokensPage, 1, MaxTokensPage), ct);
        var now = Tokens.Now;
        return new Dto.ListTokensResponse
        {
            Tokens = [.. page.Items.Select(t => TokenMapping.ToData(t, now))],
            NextToken = paging.IssueToken(operation, request, page.NextCursor),
        };
    }

    private const int MaxTokensPage = 100;

    private Core.Tokens.TokenManager Tokens => tokens;
}

/// <summary>Refresh tokens to and from the License Manager wire.</summary>
internal static class TokenMapping
{
    public const string LicenseArnsFilter = "LicenseArns";

    public static Dto.TokenData ToData(Core.Tokens.LicenseToken token, DateTimeOffset now) => new()
    {
        TokenId = token.TokenId,
        TokenType = Dto.TokenType.RefreshToken,
        LicenseArn = token.LicenseArn,
        ExpirationTime = EntitlementMapping.Instant(token.ExpiresAt),
        TokenProperties = [.. token.TokenProperties],
        RoleArns = [.. token.RoleArns],
        Status = token.StatusAt(now).ToString().ToUpperInvariant(),
    };

    /// <summary>The ARNs of the LicenseArns filter (null: no filter); any other filter name is refused.</summary>
    public static List<string>? LicenseArnFilter(List<Dto.Filter>? filters)
    {
        if (filters is null or { Count: 0 })
        {
            return null;
        }

        List<string>? arns = null;
        foreach (var filter in filters)
        {
            if (filter.Name != LicenseArnsFilter)
            {
                throw new ValidationException($"Filter name '{filter.Name}' is not supported by ListTokens; use {LicenseArnsFilter}.");
            }

            arns ??= [];
            arns.AddRange(filter.Values ?? []);
        }

        return arns;
    }
}
