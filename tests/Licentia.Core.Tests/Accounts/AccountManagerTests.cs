using System.Text;
using Licentia.Core.Accounts;
using Licentia.Core.Errors;
using Licentia.Core.Security;
using Licentia.Core.Tests.Fakes;

namespace Licentia.Core.Tests.Accounts;

public class AccountManagerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly InMemoryAccountStore _store = new();
    private readonly AesGcmSecretProtector _protector = new(AesGcmSecretProtector.CreateKey());
    private readonly ManualTimeProvider _time = new();
    private readonly ScriptedRandomSource _random = new();

    private AccountManager Manager() => new(_store, _protector, _time, _random);

    [Fact]
    public async Task Creates_an_account_with_aws_shaped_credentials()
    {
        var created = await Manager().CreateAsync("acme", Ct);

        Assert.Matches("^[0-9]{12}$", created.Account.AccountId);
        Assert.Equal("acme", created.Account.Name);
        Assert.Equal(_time.GetUtcNow(), created.Account.CreatedAt);
        Assert.Matches("^AKIA[A-Z0-9]{16}$", created.AccessKeyId);
        Assert.Matches("^[A-Za-z0-9+/]{40}$", created.SecretAccessKey);
        Assert.DoesNotContain(created.SecretAccessKey, created.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stores_the_secret_only_encrypted()
    {
        var created = await Manager().CreateAsync("acme", Ct);

        var key = Assert.Single(_store.Keys);
        Assert.Equal(created.AccessKeyId, key.AccessKeyId);
        Assert.Equal(created.Account.AccountId, key.AccountId);
        Assert.DoesNotContain(created.SecretAccessKey, Encoding.UTF8.GetString(key.EncryptedSecret), StringComparison.Ordinal);
        Assert.Equal(created.SecretAccessKey, Encoding.UTF8.GetString(_protector.Unprotect(key.EncryptedSecret)));
    }

    [Fact]
    public async Task Generates_different_credentials_for_each_account()
    {
        var manager = new AccountManager(_store, _protector, _time);

        var a = await manager.CreateAsync("a", Ct);
        var b = await manager.CreateAsync("b", Ct);

        Assert.NotEqual(a.Account.AccountId, b.Account.AccountId);
        Assert.NotEqual(a.AccessKeyId, b.AccessKeyId);
        Assert.NotEqual(a.SecretAccessKey, b.SecretAccessKey);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Acme-Corp_2.0")]
    [InlineData("12345678901234567890123456789012345678901234567890")]
    public async Task Accepts_valid_names(string name)
    {
        Assert.Equal(name, (await Manager().CreateAsync(name, Ct)).Account.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123456789012345678901234567890123456789012345678901")]
    [InlineData("acme corp")]
    [InlineData("acme/corp")]
    [InlineData("äcme")]
    public async Task Refuses_invalid_names(string name)
    {
        var error = await Assert.ThrowsAsync<InvalidParameterValueException>(() => Manager().CreateAsync(name, Ct));

        Assert.Contains("1 to 50 characters", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.CreateAttempts);
    }

    [Fact]
    public async Task Refuses_a_taken_name()
    {
        var manager = Manager();
        await manager.CreateAsync("acme", Ct);

        var error = await Assert.ThrowsAsync<ConflictException>(() => manager.CreateAsync("acme", Ct));

        Assert.Contains("'acme' exists already", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_with_a_new_id_when_the_random_id_is_taken()
    {
        var manager = Manager();
        _random.Repeat(0, 12);
        var first = await manager.CreateAsync("first", Ct);
        _random.Repeat(0, 12);

        var second = await manager.CreateAsync("second", Ct);

        Assert.Equal("000000000000", first.Account.AccountId);
        Assert.NotEqual(first.Account.AccountId, second.Account.AccountId);
        Assert.Equal(3, _store.CreateAttempts);
    }

    [Fact]
    public async Task Resolves_an_access_key_and_caches_it()
    {
        var manager = Manager();
        var created = await manager.CreateAsync("acme", Ct);

        var first = await manager.ResolveAccessKeyAsync(created.AccessKeyId, Ct);
        var second = await manager.ResolveAccessKeyAsync(created.AccessKeyId, Ct);

        Assert.Equal(new ResolvedAccessKey(created.Account.AccountId, created.SecretAccessKey), first);
        Assert.Equal(first, second);
        Assert.Equal(1, _store.AccessKeyLookups);
    }

    [Fact]
    public async Task The_cache_expires()
    {
        var manager = Manager();
        var created = await manager.CreateAsync("acme", Ct);
        await manager.ResolveAccessKeyAsync(created.AccessKeyId, Ct);

        _time.Advance(AccountManager.CacheLifetime + TimeSpan.FromSeconds(1));
        await manager.ResolveAccessKeyAsync(created.AccessKeyId, Ct);

        Assert.Equal(2, _store.AccessKeyLookups);
    }

    [Theory]
    [InlineData("AKIAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    [InlineData("")]
    public async Task Unknown_or_malformed_keys_resolve_to_null(string accessKeyId)
    {
        var manager = Manager();
        await manager.CreateAsync("acme", Ct);

        Assert.Null(await manager.ResolveAccessKeyAsync(accessKeyId, Ct));
    }

    [Fact]
    public async Task Issues_further_access_keys()
    {
        var manager = Manager();
        var created = await manager.CreateAsync("acme", Ct);

        var key = await manager.CreateAccessKeyAsync(created.Account.AccountId, Ct);

        Assert.NotEqual(created.AccessKeyId, key.AccessKeyId);
        Assert.Equal(
            new ResolvedAccessKey(created.Account.AccountId, key.SecretAccessKey),
            await manager.ResolveAccessKeyAsync(key.AccessKeyId, Ct));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => manager.CreateAccessKeyAsync("999999999999", Ct));
    }

    [Fact]
    public async Task Creates_the_first_account_only_once()
    {
        var manager = Manager();

        var first = await manager.EnsureFirstAccountAsync("admin", preset: null, Ct);
        var again = await manager.EnsureFirstAccountAsync("admin", preset: null, Ct);

        Assert.NotNull(first);
        Assert.Null(again);
        Assert.Single(await _store.ListAsync(Ct));
    }

    [Fact]
    public async Task The_first_account_can_use_preset_credentials()
    {
        var preset = new FirstAccountPreset
        {
            AccountId = "123456789012",
            AccessKeyId = "AKIAIOSFODNN7EXAMPLE",
            SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        };
        var manager = Manager();

        var first = await manager.EnsureFirstAccountAsync("admin", preset, Ct);

        Assert.Equal(new NewAccount(first!.Account, preset.AccessKeyId, preset.SecretAccessKey), first);
        Assert.Equal("123456789012", first.Account.AccountId);
        Assert.Equal(
            new ResolvedAccessKey("123456789012", preset.SecretAccessKey),
            await manager.ResolveAccessKeyAsync(preset.AccessKeyId, Ct));
        Assert.DoesNotContain(preset.SecretAccessKey, preset.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345", null, null, "12 digits")]
    [InlineData(null, "AKIAiosfodnn7example", null, "starting with AKIA")]
    [InlineData(null, "ASIAIOSFODNN7EXAMPLE", null, "starting with AKIA")]
    [InlineData(null, null, "short", "40 characters")]
    public async Task Refuses_malformed_presets(string? accountId, string? accessKeyId, string? secret, string expected)
    {
        var preset = new FirstAccountPreset { AccountId = accountId, AccessKeyId = accessKeyId, SecretAccessKey = secret };

        var error = await Assert.ThrowsAsync<InvalidParameterValueException>(() => Manager().EnsureFirstAccountAsync("admin", preset, Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.ListAsync(Ct));
    }
}
