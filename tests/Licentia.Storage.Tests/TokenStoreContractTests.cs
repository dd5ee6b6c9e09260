using System.Security.Cryptography;
using Licentia.Core;
using Licentia.Core.Sessions;
using Licentia.Core.Tokens;
using Licentia.Storage.Postgres;
using Licentia.Storage.Sqlite;
using Licentia.Testing;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>
/// The token and session store contract (customers without an account), written once and run on each engine by a
/// subclass. Tests of one class share a database; each works in scopes of its own.
/// </summary>
public abstract class TokenStoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private ILicentiaStorage _storage = null!;

    protected abstract Task<string> ClassDatabaseAsync();

    protected abstract ILicentiaStorage Open(string location);

    public async Task InitializeAsync()
    {
        _storage = Open(await ClassDatabaseAsync());
        await _storage.MigrateAsync(None);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task A_token_round_trips_with_every_member_and_only_in_its_scope()
    {
        var scope = NewScope();
        var token = NewToken(scope, "arn:aws:license-manager::111111111111:license:l-1");
        await _storage.Tokens.InsertAsync(token, None);

        var found = await _storage.Tokens.FindAsync(scope, token.TokenId, None);
        AssertSame(token, found);
        Assert.Null(await _storage.Tokens.FindAsync(NewScope(), token.TokenId, None));
        Assert.Null(await _storage.Tokens.FindAsync(scope with { Region = "eu-west-1" }, token.TokenId, None));
    }

    [Fact]
    public async Task Deletion_is_recorded_once()
    {
        var scope = NewScope();
        var token = NewToken(scope, "arn:l");
        await _storage.Tokens.InsertAsync(token, None);

        Assert.False(await _storage.Tokens.MarkDeletedAsync(NewScope(), token.TokenId, T0.AddHours(1), None));
        Assert.True(await _storage.Tokens.MarkDeletedAsync(scope, token.TokenId, T0.AddHours(1), None));
        Assert.False(await _storage.Tokens.MarkDeletedAsync(scope, token.TokenId, T0.AddHours(2), None));
        var found = await _storage.Tokens.FindAsync(scope, token.TokenId, None);
        Assert.Equal(T0.AddHours(1), found!.DeletedAt);
        Assert.Equal(TokenStatus.Deleted, found.StatusAt(T0));
    }

    [Fact]
    public async Task Listing_pages_in_creation_order_and_filters_by_id_and_license()
    {
        var scope = NewScope();
        var tokens = new[] { NewToken(scope, "arn:a"), NewToken(scope, "arn:b"), NewToken(scope, "arn:a") };
        foreach (var token in tokens)
        {
            await _storage.Tokens.InsertAsync(token, None);
        }

        await _storage.Tokens.InsertAsync(NewToken(NewScope(), "arn:a"), None);

        var first = await _storage.Tokens.ListAsync(scope, null, null, null, 2, None);
        Assert.Equal([tokens[0].TokenId, tokens[1].TokenId], first.Items.Select(t => t.TokenId));
        var second = await _storage.Tokens.ListAsync(scope, null, null, first.NextCursor, 2, None);
        Assert.Equal([tokens[2].TokenId], second.Items.Select(t => t.TokenId));
        Assert.Null(second.NextCursor);

        Assert.Equal([tokens[0].TokenId, tokens[2].TokenId],
            (await _storage.Tokens.ListAsync(scope, null, ["arn:a"], null, 10, None)).Items.Select(t => t.TokenId));
        Assert.Equal([tokens[1].TokenId],
            (await _storage.Tokens.ListAsync(scope, [tokens[1].TokenId, "missing"], null, null, 10, None)).Items.Select(t => t.TokenId));
        Assert.Empty((await _storage.Tokens.ListAsync(scope, [], null, null, 10, None)).Items);
    }

    [Fact]
    public async Task A_session_round_trips_by_access_key_id_and_expired_ones_are_purged()
    {
        var scope = NewScope();
        var session = NewSession(scope, T0.AddMinutes(15));
        var old = NewSession(scope, T0.AddMinutes(-1));
        await _storage.Sessions.InsertAsync(session, None);
        await _storage.Sessions.InsertAsync(old, None);

        var found = await _storage.Sessions.FindAsync(session.AccessKeyId, None);
        Assert.NotNull(found);
        Assert.Equal(session.EncryptedSecretAccessKey.ToArray(), found.EncryptedSecretAccessKey.ToArray());
        Assert.Equal(session.EncryptedSessionToken.ToArray(), found.EncryptedSessionToken.ToArray());
        Assert.Equal(
            (session.AccountId, session.Region, session.TokenId, session.RoleArn, session.RoleSessionName, session.AssumedRoleArn,
                session.AssumedRoleId, session.CreatedAt, session.ExpiresAt),
            (found.AccountId, found.Region, found.TokenId, found.RoleArn, found.RoleSessionName, found.AssumedRoleArn,
                found.AssumedRoleId, found.CreatedAt, found.ExpiresAt));

        Assert.True(await _storage.Sessions.PurgeExpiredAsync(T0, None) >= 1);
        Assert.Null(await _storage.Sessions.FindAsync(old.AccessKeyId, None));
        Assert.NotNull(await _storage.Sessions.FindAsync(session.AccessKeyId, None));
    }

    private static LicenseToken NewToken(Scope scope, string licenseArn) => new()
    {
        AccountId = scope.AccountId,
        Region = scope.Region,
        TokenId = Guid.NewGuid().ToString("N"),
        LicenseArn = licenseArn,
        RoleArns = ["arn:aws:iam::111111111111:role/A", "arn:aws:iam::111111111111:role/B – ü"],
        TokenProperties = ["customer=acme"],
        CreatedAt = T0,
        ExpiresAt = T0.AddDays(365),
        TokenHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
    };

    private static SessionCredential NewSession(Scope scope, DateTimeOffset expiresAt) => new()
    {
        AccessKeyId = "ASIA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
        AccountId = scope.AccountId,
        Region = scope.Region,
        TokenId = Guid.NewGuid().ToString("N"),
        RoleArn = "arn:aws:iam::111111111111:role/A",
        RoleSessionName = "host-1",
        AssumedRoleArn = "arn:aws:sts::111111111111:assumed-role/A/host-1",
        AssumedRoleId = "AROAEXAMPLE:host-1",
        CreatedAt = T0.AddMinutes(-20),
        ExpiresAt = expiresAt,
        EncryptedSecretAccessKey = RandomNumberGenerator.GetBytes(68),
        EncryptedSessionToken = RandomNumberGenerator.GetBytes(300),
    };

    private static void AssertSame(LicenseToken expected, LicenseToken? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.RoleArns, actual.RoleArns);
        Assert.Equal(expected.TokenProperties, actual.TokenProperties);
        Assert.Equal(
            (expected.AccountId, expected.Region, expected.TokenId, expected.LicenseArn, expected.CreatedAt, expected.ExpiresAt, expected.DeletedAt, expected.TokenHash),
            (actual.AccountId, actual.Region, actual.TokenId, actual.LicenseArn, actual.CreatedAt, actual.ExpiresAt, actual.DeletedAt, actual.TokenHash));
    }
}

/// <summary>The token and session contract on SQLite.</summary>
public sealed class SqliteTokenStoreContractTests(TempDirectory directory) : TokenStoreContractTests, IClassFixture<TempDirectory>
{
    protected override Task<string> ClassDatabaseAsync() => Task.FromResult(directory.Path);

    protected override ILicentiaStorage Open(string location) => SqliteStorage.Open(location);
}

/// <summary>The token and session contract on PostgreSQL.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresTokenStoreContractTests(PostgresTestServer server) : TokenStoreContractTests
{
    protected override Task<string> ClassDatabaseAsync() => server.DatabaseAsync(nameof(PostgresTokenStoreContractTests));

    protected override ILicentiaStorage Open(string location) => PostgresStorage.Open(location);
}
