using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Licentia.Core.Errors;
using Licentia.Core.Security;
using Licentia.Core.Sessions;
using Licentia.Core.Sessions.Errors;
using Licentia.Core.Tests.Fakes;
using Licentia.Core.Tokens;

namespace Licentia.Core.Tests.Tokens;

public sealed class TokenRulesTests
{
    private const string Role = "arn:aws:iam::123456789012:role/Consumer";
    private const string License = "arn:aws:license-manager::123456789012:license:l-0123456789abcdef0123456789abcdef";
    private static readonly Scope Seller = new("123456789012", "us-east-1");
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly ManualTimeProvider _clock = new();
    private readonly InMemoryTokenStore _tokenStore = new();
    private readonly InMemorySessionStore _sessionStore = new();
    private readonly AesGcmSecretProtector _protector = new(AesGcmSecretProtector.CreateKey());
    private readonly TokenManager _tokens;
    private readonly SessionManager _sessions;

    public TokenRulesTests()
    {
        _tokens = new TokenManager(_tokenStore, new CompactJwt(RandomNumberGenerator.GetBytes(32)), AnyLicense.Instance, _clock);
        _sessions = new SessionManager(_sessionStore, _tokens, _protector, _clock);
    }

    [Fact]
    public async Task A_refresh_token_is_stored_only_as_a_hash_with_a_default_expiry_of_365_days()
    {
        var (token, text) = await _tokens.CreateAsync(Seller, License, [Role], null, ["k=v"], None);

        Assert.Equal(_clock.GetUtcNow().AddDays(365), token.ExpiresAt);
        Assert.Equal(CompactJwt.Hash(text), token.TokenHash);
        Assert.DoesNotContain(text, token.TokenHash, StringComparison.Ordinal);
        Assert.Equal(TokenStatus.Available, (await _tokenStore.FindAsync(Seller, token.TokenId, None))!.StatusAt(_clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(731)]
    public async Task Expiration_outside_1_to_730_days_is_refused(int days) =>
        await Assert.ThrowsAsync<ValidationException>(() => _tokens.CreateAsync(Seller, License, [Role], days, null, None));

    [Fact]
    public async Task A_role_arn_that_is_not_an_iam_role_is_refused() =>
        await Assert.ThrowsAsync<ValidationException>(() => _tokens.CreateAsync(Seller, License, ["arn:aws:iam::123456789012:user/x"], 1, null, None));

    [Fact]
    public async Task Status_is_derived_deleted_before_expired()
    {
        var (token, _) = await _tokens.CreateAsync(Seller, License, [Role], 1, null, None);
        Assert.Equal(TokenStatus.Expired, token.StatusAt(token.ExpiresAt));
        Assert.Equal(TokenStatus.Deleted, (token with { DeletedAt = token.CreatedAt }).StatusAt(token.ExpiresAt));
    }

    [Fact]
    public async Task Access_tokens_are_refused_after_the_refresh_token_is_deleted_or_expired()
    {
        var (token, refresh) = await _tokens.CreateAsync(Seller, License, [Role], 1, null, None);
        var access = await _tokens.GetAccessTokenAsync(refresh, None);
        Assert.Equal(TokenRefusal.None, (await _tokens.ReadWebIdentityAsync(access, None)).Refusal);

        await _tokens.DeleteAsync(Seller, token.TokenId, None);
        await Assert.ThrowsAsync<AuthorizationException>(() => _tokens.GetAccessTokenAsync(refresh, None));
        Assert.Equal(TokenRefusal.Revoked, (await _tokens.ReadWebIdentityAsync(access, None)).Refusal);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _tokens.DeleteAsync(Seller, token.TokenId, None));

        var (_, second) = await _tokens.CreateAsync(Seller, License, [Role], 1, null, None);
        _clock.Advance(TimeSpan.FromDays(1));
        await Assert.ThrowsAsync<AuthorizationException>(() => _tokens.GetAccessTokenAsync(second, None));
    }

    [Fact]
    public async Task An_access_token_expires_after_an_hour_and_is_not_a_refresh_token()
    {
        var (_, refresh) = await _tokens.CreateAsync(Seller, License, [Role], null, null, None);
        var access = await _tokens.GetAccessTokenAsync(refresh, None);

        await Assert.ThrowsAsync<AuthorizationException>(() => _tokens.GetAccessTokenAsync(access, None));
        Assert.Equal(TokenRefusal.Invalid, (await _tokens.ReadWebIdentityAsync(refresh, None)).Refusal);
        _clock.Advance(TokenManager.AccessTokenLifetime);
        Assert.Equal(TokenRefusal.Expired, (await _tokens.ReadWebIdentityAsync(access, None)).Refusal);
    }

    [Fact]
    public async Task Tokens_signed_with_another_key_or_tampered_are_invalid()
    {
        var other = new TokenManager(_tokenStore, new CompactJwt(RandomNumberGenerator.GetBytes(32)), AnyLicense.Instance, _clock);
        var (_, refresh) = await other.CreateAsync(Seller, License, [Role], null, null, None);
        await Assert.ThrowsAsync<AuthorizationException>(() => _tokens.GetAccessTokenAsync(refresh, None));

        var (_, mine) = await _tokens.CreateAsync(Seller, License, [Role], null, null, None);
        var access = await _tokens.GetAccessTokenAsync(mine, None);
        var parts = access.Split('.');
        var tampered = parts[0] + "." + parts[1] + "x." + parts[2];
        Assert.Equal(TokenRefusal.Invalid, (await _tokens.ReadWebIdentityAsync(tampered, None)).Refusal);
        Assert.Equal(TokenRefusal.Invalid, (await _tokens.ReadWebIdentityAsync("a.b.c", None)).Refusal);
    }

    [Fact]
    public async Task Assuming_a_role_gives_encrypted_asia_credentials_for_a_role_of_the_token_only()
    {
        var access = await AccessTokenAsync(days: null);

        await Assert.ThrowsAsync<IDPRejectedClaimException>(() =>
            _sessions.AssumeRoleWithWebIdentityAsync(access, "arn:aws:iam::123456789012:role/Other", "s1", 900, None));
        var assumed = await _sessions.AssumeRoleWithWebIdentityAsync(access, Role, "host-1", 900, None);

        Assert.StartsWith("ASIA", assumed.Stored.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/Consumer/host-1", assumed.Stored.AssumedRoleArn);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(900), assumed.Stored.ExpiresAt);
        var stored = Assert.Single(_sessionStore.Sessions);
        Assert.DoesNotContain(assumed.SecretAccessKey, Encoding.UTF8.GetString(stored.EncryptedSecretAccessKey.Span), StringComparison.Ordinal);
        var resolved = await _sessions.ResolveAsync(assumed.Stored.AccessKeyId, None);
        Assert.Equal((assumed.SecretAccessKey, assumed.SessionToken), (resolved!.SecretAccessKey, resolved.SessionToken));
    }

    [Theory]
    [InlineData(899)]
    [InlineData(43201)]
    public async Task Duration_outside_900_to_43200_seconds_is_refused(int seconds)
    {
        var access = await AccessTokenAsync(days: null);
        await Assert.ThrowsAsync<ValidationException>(() => _sessions.AssumeRoleWithWebIdentityAsync(access, Role, "s1", seconds, None));
    }

    [Fact]
    public async Task An_expired_access_token_is_an_ExpiredToken_refusal()
    {
        var access = await AccessTokenAsync(days: 1);
        _clock.Advance(TimeSpan.FromHours(23.5));
        Assert.Equal(TokenRefusal.Expired, (await _tokens.ReadWebIdentityAsync(access, None)).Refusal);
        await Assert.ThrowsAsync<ExpiredTokenException>(() => _sessions.AssumeRoleWithWebIdentityAsync(access, Role, "s1", 900, None));
    }

    [Fact]
    public async Task A_late_access_token_gives_credentials_that_end_with_the_refresh_token()
    {
        var (token, refresh) = await _tokens.CreateAsync(Seller, License, [Role], 1, null, None);
        _clock.Advance(TimeSpan.FromHours(23.5));
        var access = await _tokens.GetAccessTokenAsync(refresh, None);
        var assumed = await _sessions.AssumeRoleWithWebIdentityAsync(access, Role, "late", 43200, None);
        Assert.Equal(StoredSeconds(token.ExpiresAt), assumed.Stored.ExpiresAt);
    }

    [Fact]
    public async Task Garbage_and_unknown_keys_are_invalid_identity_tokens()
    {
        await Assert.ThrowsAsync<InvalidIdentityTokenException>(() => _sessions.AssumeRoleWithWebIdentityAsync("nope", Role, "s1", 900, None));
        Assert.Null(await _sessions.ResolveAsync("ASIA0000000000000000", None));
        Assert.Null(await _sessions.ResolveAsync("AKIA0000000000000000", None));
    }

    [Fact]
    public async Task The_license_is_the_audience_and_token_properties_are_the_amr_claim_of_both_tokens()
    {
        var (_, refresh) = await _tokens.CreateAsync(Seller, License, [Role], null, ["customer=acme", "tier=gold"], None);
        var access = await _tokens.GetAccessTokenAsync(refresh, None);
        foreach (var token in new[] { refresh, access })
        {
            using var payload = JsonDocument.Parse(Convert.FromBase64String(Padded(token.Split('.')[1])));
            Assert.Equal(License, payload.RootElement.GetProperty("aud").GetString());
            Assert.Equal(["customer=acme", "tier=gold"], payload.RootElement.GetProperty("amr").EnumerateArray().Select(e => e.GetString()));
        }

        Assert.Equal(License, (await _tokens.ReadWebIdentityAsync(access, None)).Claims!.Audience);
    }

    private static string Padded(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - (text.Length % 4)) % 4);
    }

    private async Task<string> AccessTokenAsync(int? days)
    {
        var (_, refresh) = await _tokens.CreateAsync(Seller, License, [Role], days, null, None);
        return await _tokens.GetAccessTokenAsync(refresh, None);
    }

    // JWT expiry claims have whole seconds.
    private static DateTimeOffset StoredSeconds(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());
}
