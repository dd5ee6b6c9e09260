namespace Licentia.Core.Tokens;

/// <summary>What a valid access token (from GetAccessToken) says, once its signature, kind and expiry are checked.</summary>
public sealed record WebIdentityClaims(
    string AccountId,
    string Region,
    string TokenId,
    string LicenseArn,
    IReadOnlyList<string> RoleArns,
    string Subject,
    string Audience,
    string Issuer,
    DateTimeOffset ExpiresAt)
{
    public Scope Scope => new(AccountId, Region);
}
