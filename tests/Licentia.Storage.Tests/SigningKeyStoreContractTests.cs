using System.Security.Cryptography;
using Licentia.Core;
using Licentia.Core.Keys;
using Licentia.Core.Tagging;
using Licentia.Storage.Postgres;
using Licentia.Storage.Sqlite;
using Licentia.Testing;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>
/// The signing-key store contract, written once and run on each engine by a subclass. Tests of one
/// class share a database; each works in scopes of its own.
/// </summary>
public abstract class SigningKeyStoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private ILicentiaStorage _storage = null!;

    protected abstract Task<string> ClassDatabaseAsync();

    protected abstract ILicentiaStorage Open(string location);

    private ISigningKeyStore Keys => _storage.SigningKeys;

    public async Task InitializeAsync()
    {
        _storage = Open(await ClassDatabaseAsync());
        await _storage.MigrateAsync(None);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Inserted_key_is_found_with_every_member_and_its_tags()
    {
        var scope = NewScope();
        var key = NewKey(scope, SigningKeySpec.EccNistP384, "signs license tokens – ünïcødé");

        Assert.True(await Keys.TryInsertAsync(key, [new Tag("team", "sales"), new Tag("env", "")], 10, None));

        var found = await Keys.FindAsync(scope, key.Id, None);
        AssertSame(key, found);
        Assert.Equal([new Tag("env", ""), new Tag("team", "sales")], await _storage.Tags.ListAsync(scope, key.Arn, None));
    }

    [Fact]
    public async Task Every_key_spec_round_trips()
    {
        var scope = NewScope();
        foreach (var spec in Enum.GetValues<SigningKeySpec>())
        {
            var key = NewKey(scope, spec);
            Assert.True(await Keys.TryInsertAsync(key, [], 100, None));
            Assert.Equal(spec, (await Keys.FindAsync(scope, key.Id, None))!.Spec);
        }
    }

    [Fact]
    public async Task A_key_is_invisible_from_another_account_or_region()
    {
        var scope = NewScope();
        var key = NewKey(scope);
        Assert.True(await Keys.TryInsertAsync(key, [], 10, None));

        Assert.Null(await Keys.FindAsync(new Scope(NewAccountId(), scope.Region), key.Id, None));
        Assert.Null(await Keys.FindAsync(scope with { Region = "eu-west-1" }, key.Id, None));
        Assert.Null(await Keys.FindAsync(scope, Guid.NewGuid().ToString(), None));
    }

    [Fact]
    public async Task The_quota_counts_per_scope_and_a_refused_insert_stores_nothing()
    {
        var scope = NewScope();
        Assert.True(await Keys.TryInsertAsync(NewKey(scope), [], 2, None));
        Assert.True(await Keys.TryInsertAsync(NewKey(scope), [], 2, None));

        var refused = NewKey(scope);
        Assert.False(await Keys.TryInsertAsync(refused, [new Tag("k", "v")], 2, None));

        Assert.Null(await Keys.FindAsync(scope, refused.Id, None));
        Assert.Empty(await _storage.Tags.ListAsync(scope, refused.Arn, None));
        Assert.True(await Keys.TryInsertAsync(NewKey(scope with { Region = "eu-west-1" }), [], 2, None));
    }

    [Fact]
    public async Task Concurrent_creators_cannot_pass_the_quota_together()
    {
        var scope = NewScope();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Keys.TryInsertAsync(NewKey(scope), [], 3, None))));
        Assert.Equal(3, results.Count(r => r));
    }

    private static SigningKey NewKey(Scope scope, SigningKeySpec spec = SigningKeySpec.EccNistP256, string description = "")
    {
        var id = Guid.NewGuid().ToString();
        return new SigningKey
        {
            Id = id,
            Arn = $"arn:aws:kms:{scope.Region}:{scope.AccountId}:key/{id}",
            AccountId = scope.AccountId,
            Region = scope.Region,
            Spec = spec,
            Description = description,
            CreatedAt = T0,
            PublicKey = RandomNumberGenerator.GetBytes(91),
            EncryptedPrivateKey = RandomNumberGenerator.GetBytes(167),
        };
    }

    private static void AssertSame(SigningKey expected, SigningKey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.PublicKey.ToArray(), actual.PublicKey.ToArray());
        Assert.Equal(expected.EncryptedPrivateKey.ToArray(), actual.EncryptedPrivateKey.ToArray());
        Assert.Equal(
            (expected.Id, expected.Arn, expected.AccountId, expected.Region, expected.Spec, expected.Description, expected.CreatedAt),
            (actual.Id, actual.Arn, actual.AccountId, actual.Region, actual.Spec, actual.Description, actual.CreatedAt));
    }
}

/// <summary>The signing-key contract on SQLite.</summary>
public sealed class SqliteSigningKeyStoreContractTests(TempDirectory directory) : SigningKeyStoreContractTests, IClassFixture<TempDirectory>
{
    protected override Task<string> ClassDatabaseAsync() => Task.FromResult(directory.Path);

    protected override ILicentiaStorage Open(string location) => SqliteStorage.Open(location);
}

/// <summary>The signing-key contract on PostgreSQL.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresSigningKeyStoreContractTests(PostgresTestServer server) : SigningKeyStoreContractTests
{
    protected override Task<string> ClassDatabaseAsync() => server.DatabaseAsync(nameof(PostgresSigningKeyStoreContractTests));

    protected override ILicentiaStorage Open(string location) => PostgresStorage.Open(location);
}
