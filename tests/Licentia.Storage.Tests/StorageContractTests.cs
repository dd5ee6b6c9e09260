using Licentia.Core;
using Licentia.Core.Accounts;
using Licentia.Core.Idempotency;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Tagging;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>
/// The behaviour every engine must show, written once and run against each engine by a subclass.
/// Tests of one class share a database (a fresh one per class); each works in scopes of its own.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly List<ILicentiaStorage> _opened = [];
    private string _location = string.Empty;

    protected ILicentiaStorage Storage { get; private set; } = null!;

    /// <summary>The database shared by this test class: a directory (SQLite) or a connection string (PostgreSQL).</summary>
    protected abstract Task<string> ClassDatabaseAsync();

    /// <summary>A database nobody has used yet.</summary>
    protected abstract Task<string> EmptyDatabaseAsync();

    protected abstract ILicentiaStorage Open(string location);

    public async Task InitializeAsync()
    {
        _location = await ClassDatabaseAsync();
        Storage = OpenTracked(_location);
        await Storage.MigrateAsync(None);
    }

    public async Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }
    }

    /// <summary>Another storage instance over the same database: stands for another server node.</summary>
    protected ILicentiaStorage OpenAnotherNode() => OpenTracked(_location);

    protected ILicentiaStorage OpenTracked(string location)
    {
        var storage = Open(location);
        _opened.Add(storage);
        return storage;
    }

    // ---- accounts ----

    [Fact]
    public async Task Account_created_with_its_first_key_is_found_by_id_and_by_name()
    {
        var (account, key) = NewAccount();

        Assert.True(await Storage.Accounts.TryCreateAsync(account, key, None));

        Assert.Equal(account, await Storage.Accounts.FindAsync(account.AccountId, None));
        Assert.Equal(account, await Storage.Accounts.FindByNameAsync(account.Name, None));
        var storedKey = await Storage.Accounts.FindAccessKeyAsync(key.AccessKeyId, None);
        Assert.NotNull(storedKey);
        Assert.Equal(key.EncryptedSecret, storedKey.EncryptedSecret);
        Assert.Equal((key.AccessKeyId, key.AccountId, key.CreatedAt), (storedKey.AccessKeyId, storedKey.AccountId, storedKey.CreatedAt));
    }

    [Fact]
    public async Task Unknown_account_and_key_are_not_found()
    {
        Assert.Null(await Storage.Accounts.FindAsync(NewAccountId(), None));
        Assert.Null(await Storage.Accounts.FindByNameAsync($"nobody-{Guid.NewGuid():N}", None));
        Assert.Null(await Storage.Accounts.FindAccessKeyAsync($"AKIA{Guid.NewGuid():N}", None));
    }

    [Fact]
    public async Task Account_with_a_taken_id_or_name_is_refused_and_its_key_not_stored()
    {
        var (account, key) = NewAccount();
        Assert.True(await Storage.Accounts.TryCreateAsync(account, key, None));

        var (sameId, sameIdKey) = NewAccount(account.AccountId);
        var (_, otherKey) = NewAccount();
        var sameName = new Account(otherKey.AccountId, account.Name, T0);
        var sameNameKey = otherKey with { AccountId = sameName.AccountId };

        Assert.False(await Storage.Accounts.TryCreateAsync(sameId, sameIdKey, None));
        Assert.False(await Storage.Accounts.TryCreateAsync(sameName, sameNameKey, None));

        Assert.Equal(account, await Storage.Accounts.FindAsync(account.AccountId, None));
        Assert.Null(await Storage.Accounts.FindAsync(sameName.AccountId, None));
        Assert.Null(await Storage.Accounts.FindAccessKeyAsync(sameIdKey.AccessKeyId, None));
        Assert.Null(await Storage.Accounts.FindAccessKeyAsync(sameNameKey.AccessKeyId, None));
    }

    [Fact]
    public async Task Account_whose_first_key_id_is_taken_is_refused_entirely()
    {
        var (account, key) = NewAccount();
        Assert.True(await Storage.Accounts.TryCreateAsync(account, key, None));

        var (second, secondKey) = NewAccount();
        Assert.False(await Storage.Accounts.TryCreateAsync(second, secondKey with { AccessKeyId = key.AccessKeyId }, None));

        Assert.Null(await Storage.Accounts.FindAsync(second.AccountId, None));
    }

    [Fact]
    public async Task Accounts_are_listed_in_creation_order()
    {
        var created = new List<Account>();
        for (var i = 0; i < 3; i++)
        {
            var (account, key) = NewAccount();
            Assert.True(await Storage.Accounts.TryCreateAsync(account, key, None));
            created.Add(account);
        }

        var mine = (await Storage.Accounts.ListAsync(None)).Where(created.Contains).ToList();

        Assert.Equal(created, mine);
    }

    [Fact]
    public async Task Access_keys_are_added_to_an_account_and_a_taken_key_id_is_rejected()
    {
        var (account, key) = NewAccount();
        Assert.True(await Storage.Accounts.TryCreateAsync(account, key, None));
        var second = new AccessKeyRecord($"AKIA{Guid.NewGuid():N}"[..20], account.AccountId, [9, 8, 7], T0.AddDays(1));

        await Storage.Accounts.AddAccessKeyAsync(second, None);

        var stored = await Storage.Accounts.FindAccessKeyAsync(second.AccessKeyId, None);
        Assert.NotNull(stored);
        Assert.Equal(second.EncryptedSecret, stored.EncryptedSecret);
        Assert.Equal(second.CreatedAt, stored.CreatedAt);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Storage.Accounts.AddAccessKeyAsync(second with { EncryptedSecret = [1] }, None));
        Assert.Equal(second.EncryptedSecret, (await Storage.Accounts.FindAccessKeyAsync(second.AccessKeyId, None))!.EncryptedSecret);
    }

    // ---- license configurations: create, read, isolation ----

    [Fact]
    public async Task Configuration_round_trips_every_member_with_its_tags()
    {
        var scope = NewScope();
        var configuration = FullConfiguration(scope);
        Tag[] tags = [new("env", "prod"), new("Team", "dba")];

        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(configuration, tags, 10, None));

        var found = await Storage.LicenseConfigurations.FindAsync(scope, configuration.Id, None);
        Assert.Equivalent(configuration, found, strict: true);
        Assert.Equal([new("Team", "dba"), new("env", "prod")], await Storage.Tags.ListAsync(scope, configuration.Arn, None));
    }

    [Fact]
    public async Task Configuration_with_default_members_round_trips()
    {
        var scope = NewScope();
        var configuration = Configuration(scope);

        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(configuration, [], 10, None));

        Assert.Equivalent(configuration, await Storage.LicenseConfigurations.FindAsync(scope, configuration.Id, None), strict: true);
    }

    [Fact]
    public async Task Instants_come_back_in_utc_at_microsecond_resolution()
    {
        var scope = NewScope();
        var inBerlin = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var configuration = Configuration(scope) with { CreatedAt = inBerlin, UpdatedAt = inBerlin, DiscoveryLastRunTime = inBerlin };
        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(configuration, [], 10, None));

        var found = await Storage.LicenseConfigurations.FindAsync(scope, configuration.Id, None);

        var expected = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);
        Assert.NotNull(found);
        foreach (var instant in new[] { found.CreatedAt, found.UpdatedAt, found.DiscoveryLastRunTime!.Value })
        {
            Assert.Equal(expected.UtcTicks, instant.UtcTicks);
            Assert.Equal(TimeSpan.Zero, instant.Offset);
        }
    }

    [Fact]
    public async Task Another_account_or_region_sees_nothing_and_changes_nothing()
    {
        var scope = NewScope();
        var configuration = Configuration(scope);
        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(configuration, [new("k", "v")], 10, None));
        var strangers = new[] { new Scope(NewAccountId(), scope.Region), new Scope(scope.AccountId, "eu-west-1") };

        foreach (var other in strangers)
        {
            Assert.Null(await Storage.LicenseConfigurations.FindAsync(other, configuration.Id, None));
            Assert.Empty((await Storage.LicenseConfigurations.ListAsync(other, new LicenseConfigurationQuery(), None)).Items);
            Assert.Empty((await Storage.LicenseConfigurations.ListAsync(other, new LicenseConfigurationQuery { Ids = [configuration.Id] }, None)).Items);
            Assert.Empty(await Storage.Tags.ListAsync(other, configuration.Arn, None));
            Assert.False(await Storage.LicenseConfigurations.DeleteAsync(other, configuration.Id, None));
            var moved = configuration with { AccountId = other.AccountId, Region = other.Region, Name = "hijacked" };
            Assert.False(await Storage.LicenseConfigurations.TryUpdateAsync(moved, configuration.Version, None));
            await Storage.Tags.RemoveAsync(other, configuration.Arn, ["k"], None);
        }

        Assert.Equivalent(configuration, await Storage.LicenseConfigurations.FindAsync(scope, configuration.Id, None), strict: true);
        Assert.Equal([new Tag("k", "v")], await Storage.Tags.ListAsync(scope, configuration.Arn, None));
    }

    [Fact]
    public async Task Unknown_configuration_is_not_found()
    {
        Assert.Null(await Storage.LicenseConfigurations.FindAsync(NewScope(), $"lic-{Guid.NewGuid():N}", None));
    }

    // ---- license configurations: quota ----

    [Fact]
    public async Task Insert_at_the_quota_is_refused_and_writes_nothing_not_even_tags()
    {
        var scope = NewScope();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(Configuration(scope, $"c{i}"), [], 3, None));
        }

        var refused = Configuration(scope, "one too many");
        Assert.False(await Storage.LicenseConfigurations.TryInsertAsync(refused, [new("k", "v")], 3, None));

        Assert.Null(await Storage.LicenseConfigurations.FindAsync(scope, refused.Id, None));
        Assert.Empty(await Storage.Tags.ListAsync(scope, refused.Arn, None));
        Assert.Equal(3, (await Storage.LicenseConfigurations.ListAsync(scope, new LicenseConfigurationQuery(), None)).Items.Count);
    }

    [Fact]
    public async Task The_quota_counts_each_scope_on_its_own()
    {
        var scope = NewScope();
        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(Configuration(scope), [], 1, None));

        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(Configuration(scope with { Region = "ap-south-1" }), [], 1, None));
        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(Configuration(NewScope(scope.Region)), [], 1, None));
        Assert.False(await Storage.LicenseConfigurations.TryInsertAsync(Configuration(scope), [], 1, None));
    }

    [Fact]
    public async Task Concurrent_inserts_from_several_nodes_never_exceed_the_quota()
    {
        const int quota = 5;
        var scope = NewScope();
        ILicentiaStorage[] nodes = [Storage, OpenAnotherNode(), OpenAnotherNode()];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var configuration = Configuration(scope, $"c{i}");
            return await nodes[i % nodes.Length].LicenseConfigurations.TryInsertAsync(configuration, [new("n", $"{i}")], quota, None);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(quota, results.Count(ok => ok));
        var stored = await Storage.LicenseConfigurations.ListAsync(scope, new LicenseConfigurationQuery { Limit = 100 }, None);
        Assert.Equal(quota, stored.Items.Count);
        foreach (var configuration in stored.Items)
        {
            Assert.Single(await Storage.Tags.ListAsync(scope, configuration.Arn, None));
        }
    }

    // ---- license configurations: listing ----

    [Fact]
    public async Task List_without_filters_returns_the_scope_in_creation_order()
    {
        var scope = NewScope();
        var created = await InsertManyAsync(scope, 4);

        var page = await Storage.LicenseConfigurations.ListAsync(scope, new LicenseConfigurationQuery(), None);

        Assert.Equal(created.Select(c => c.Id), page.Items.Select(c => c.Id));
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task List_filters_by_ids()
    {
        var scope = NewScope();
        var created = await InsertManyAsync(scope, 4);

        var page = await ListAsync(scope, new LicenseConfigurationQuery { Ids = [created[3].Id, created[1].Id, created[1].Id, "lic-unknown"] });

        Assert.Equal([created[1].Id, created[3].Id], page.Select(c => c.Id));
    }

    [Fact]
    public async Task List_filters_by_any_of_several_counting_types()
    {
        var scope = NewScope();
        var vcpu = await InsertAsync(Configuration(scope) with { CountingType = LicenseCountingType.VCpu });
        var core = await InsertAsync(Configuration(scope) with { CountingType = LicenseCountingType.Core });
        var socket = await InsertAsync(Configuration(scope) with { CountingType = LicenseCountingType.Socket });
        var instance = await InsertAsync(Configuration(scope) with { CountingType = LicenseCountingType.Instance });

        Assert.Equal([core.Id], (await ListAsync(scope, new() { CountingTypes = [LicenseCountingType.Core] })).Select(c => c.Id));
        Assert.Equal(
            [vcpu.Id, socket.Id],
            (await ListAsync(scope, new() { CountingTypes = [LicenseCountingType.Socket, LicenseCountingType.VCpu] })).Select(c => c.Id));
        Assert.Equal([instance.Id], (await ListAsync(scope, new() { CountingTypes = [LicenseCountingType.Instance] })).Select(c => c.Id));
    }

    [Fact]
    public async Task List_filters_by_hard_limit_and_by_usage_limit_exceeded()
    {
        var scope = NewScope();
        var plain = await InsertAsync(Configuration(scope));
        var hard = await InsertAsync(Configuration(scope) with { LicenseCountHardLimit = true, LicenseCount = 4 });
        var exceeded = await InsertAsync(Configuration(scope) with { UsageLimitExceeded = true });
        var both = await InsertAsync(Configuration(scope) with { LicenseCountHardLimit = true, UsageLimitExceeded = true });

        Assert.Equal([hard.Id, both.Id], (await ListAsync(scope, new() { HardLimit = true })).Select(c => c.Id));
        Assert.Equal([plain.Id, exceeded.Id], (await ListAsync(scope, new() { HardLimit = false })).Select(c => c.Id));
        Assert.Equal([exceeded.Id, both.Id], (await ListAsync(scope, new() { UsageLimitExceeded = true })).Select(c => c.Id));
        Assert.Equal([plain.Id, hard.Id], (await ListAsync(scope, new() { UsageLimitExceeded = false })).Select(c => c.Id));
        Assert.Equal([both.Id], (await ListAsync(scope, new() { HardLimit = true, UsageLimitExceeded = true })).Select(c => c.Id));
    }

    [Fact]
    public async Task List_combines_every_filter()
    {
        var scope = NewScope();
        var match = await InsertAsync(Configuration(scope) with { CountingType = LicenseCountingType.Core, LicenseCountHardLimit = true });
        var wrongType = await InsertAsync(Configuration(scope) with { LicenseCountHardLimit = true });
        var notHard = await InsertAsync(Configuration(scope) with { CountingType = LicenseCountingType.Core });

        var page = await ListAsync(scope, new()
        {
            Ids = [match.Id, wrongType.Id, notHard.Id],
            CountingTypes = [LicenseCountingType.Core],
            HardLimit = true,
            UsageLimitExceeded = false,
        });

        Assert.Equal([match.Id], page.Select(c => c.Id));
    }

    [Fact]
    public async Task List_with_an_empty_filter_list_matches_nothing()
    {
        var scope = NewScope();
        await InsertManyAsync(scope, 2);

        Assert.Empty(await ListAsync(scope, new() { Ids = [] }));
        Assert.Empty(await ListAsync(scope, new() { CountingTypes = [] }));
    }

    [Fact]
    public async Task List_pages_through_the_scope_with_keyset_cursors()
    {
        var scope = NewScope();
        var created = await InsertManyAsync(scope, 7);
        await InsertManyAsync(NewScope(), 3);

        var pages = await AllPagesAsync(scope, new LicenseConfigurationQuery { Limit = 3 });

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(created.Select(c => c.Id), pages.SelectMany(p => p).Select(c => c.Id));
    }

    [Fact]
    public async Task List_gives_no_cursor_when_the_last_page_is_exactly_full()
    {
        var scope = NewScope();
        var created = await InsertManyAsync(scope, 6);

        var pages = await AllPagesAsync(scope, new LicenseConfigurationQuery { Limit = 3 });

        Assert.Equal([3, 3], pages.Select(p => p.Count));
        Assert.Equal(created.Select(c => c.Id), pages.SelectMany(p => p).Select(c => c.Id));
    }

    [Fact]
    public async Task List_pages_through_filtered_results()
    {
        var scope = NewScope();
        var hard = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var configuration = await InsertAsync(Configuration(scope, $"c{i}") with { LicenseCountHardLimit = i % 2 == 0 });
            if (configuration.LicenseCountHardLimit)
            {
                hard.Add(configuration.Id);
            }
        }

        var pages = await AllPagesAsync(scope, new LicenseConfigurationQuery { HardLimit = true, Limit = 2 });

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(hard, pages.SelectMany(p => p).Select(c => c.Id));
    }

    [Fact]
    public async Task A_cursor_stays_valid_when_its_row_is_deleted()
    {
        var scope = NewScope();
        var created = await InsertManyAsync(scope, 5);
        var first = await Storage.LicenseConfigurations.ListAsync(scope, new LicenseConfigurationQuery { Limit = 2 }, None);

        Assert.True(await Storage.LicenseConfigurations.DeleteAsync(scope, created[1].Id, None));
        var second = await Storage.LicenseConfigurations.ListAsync(scope, new LicenseConfigurationQuery { Limit = 2, After = first.NextCursor }, None);

        Assert.Equal([created[2].Id, created[3].Id], second.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task List_rejects_a_foreign_cursor_and_a_limit_below_one()
    {
        var scope = NewScope();

        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            Storage.LicenseConfigurations.ListAsync(scope, new LicenseConfigurationQuery { After = "not-a-cursor" }, None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            Storage.LicenseConfigurations.ListAsync(scope, new LicenseConfigurationQuery { Limit = 0 }, None));
    }

    // ---- license configurations: update and delete ----

    [Fact]
    public async Task Update_with_the_current_version_replaces_the_row_and_bumps_the_version()
    {
        var scope = NewScope();
        var configuration = await InsertAsync(Configuration(scope));
        var changed = FullConfiguration(scope) with
        {
            Id = configuration.Id,
            Arn = configuration.Arn,
            CreatedAt = configuration.CreatedAt,
        };

        Assert.True(await Storage.LicenseConfigurations.TryUpdateAsync(changed, expectedVersion: 1, None));

        Assert.Equivalent(changed with { Version = 2 }, await Storage.LicenseConfigurations.FindAsync(scope, configuration.Id, None), strict: true);
        Assert.Equal([configuration.Id], (await ListAsync(scope, new() { CountingTypes = [LicenseCountingType.Core], HardLimit = true, UsageLimitExceeded = true })).Select(c => c.Id));
    }

    [Fact]
    public async Task Update_with_a_stale_version_changes_nothing()
    {
        var scope = NewScope();
        var configuration = await InsertAsync(Configuration(scope));
        Assert.True(await Storage.LicenseConfigurations.TryUpdateAsync(configuration with { Name = "first" }, 1, None));

        Assert.False(await Storage.LicenseConfigurations.TryUpdateAsync(configuration with { Name = "second" }, 1, None));

        var stored = await Storage.LicenseConfigurations.FindAsync(scope, configuration.Id, None);
        Assert.Equal(("first", 2L), (stored!.Name, stored.Version));
        Assert.True(await Storage.LicenseConfigurations.TryUpdateAsync(stored with { Name = "third" }, stored.Version, None));
        Assert.Equal(3, (await Storage.LicenseConfigurations.FindAsync(scope, configuration.Id, None))!.Version);
    }

    [Fact]
    public async Task Concurrent_updates_of_one_version_let_exactly_one_win()
    {
        var scope = NewScope();
        var configuration = await InsertAsync(Configuration(scope));
        ILicentiaStorage[] nodes = [Storage, OpenAnotherNode()];

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            nodes[i % 2].LicenseConfigurations.TryUpdateAsync(configuration with { Name = $"writer {i}" }, 1, None))));

        Assert.Single(results, ok => ok);
        Assert.Equal(2, (await Storage.LicenseConfigurations.FindAsync(scope, configuration.Id, None))!.Version);
    }

    [Fact]
    public async Task Update_of_a_deleted_configuration_fails()
    {
        var scope = NewScope();
        var configuration = await InsertAsync(Configuration(scope));
        Assert.True(await Storage.LicenseConfigurations.DeleteAsync(scope, configuration.Id, None));

        Assert.False(await Storage.LicenseConfigurations.TryUpdateAsync(configuration with { Name = "late" }, 1, None));
        Assert.Null(await Storage.LicenseConfigurations.FindAsync(scope, configuration.Id, None));
    }

    [Fact]
    public async Task Delete_removes_the_configuration_and_its_tags_and_only_those()
    {
        var scope = NewScope();
        var doomed = Configuration(scope);
        var kept = Configuration(scope);
        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(doomed, [new("a", "1"), new("b", "2")], 10, None));
        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(kept, [new("a", "1")], 10, None));

        Assert.True(await Storage.LicenseConfigurations.DeleteAsync(scope, doomed.Id, None));

        Assert.Null(await Storage.LicenseConfigurations.FindAsync(scope, doomed.Id, None));
        Assert.Empty(await Storage.Tags.ListAsync(scope, doomed.Arn, None));
        Assert.NotNull(await Storage.LicenseConfigurations.FindAsync(scope, kept.Id, None));
        Assert.Single(await Storage.Tags.ListAsync(scope, kept.Arn, None));
        Assert.False(await Storage.LicenseConfigurations.DeleteAsync(scope, doomed.Id, None));
    }

    [Fact]
    public async Task Deleting_frees_quota()
    {
        var scope = NewScope();
        var configuration = await InsertAsync(Configuration(scope), maxPerScope: 1);
        Assert.False(await Storage.LicenseConfigurations.TryInsertAsync(Configuration(scope), [], 1, None));

        Assert.True(await Storage.LicenseConfigurations.DeleteAsync(scope, configuration.Id, None));

        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(Configuration(scope), [], 1, None));
    }

    // ---- tags ----

    [Fact]
    public async Task Tags_are_listed_by_key_in_ordinal_order_and_put_overwrites_values()
    {
        var scope = NewScope();
        const string arn = "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-tags";
        Assert.True(await Storage.Tags.TryPutAsync(scope, arn, [new("b", "1"), new("B", "2"), new("a", "3"), new("_", "4")], 50, None));

        Assert.True(await Storage.Tags.TryPutAsync(scope, arn, [new("a", "changed")], 50, None));

        Assert.Equal([new("B", "2"), new("_", "4"), new("a", "changed"), new("b", "1")], await Storage.Tags.ListAsync(scope, arn, None));
    }

    [Fact]
    public async Task Put_beyond_the_tag_limit_changes_nothing()
    {
        var scope = NewScope();
        const string arn = "arn:test:limit";
        Assert.True(await Storage.Tags.TryPutAsync(scope, arn, [new("a", "1"), new("b", "2")], 3, None));

        Assert.False(await Storage.Tags.TryPutAsync(scope, arn, [new("a", "new"), new("c", "3"), new("d", "4")], 3, None));
        Assert.Equal([new("a", "1"), new("b", "2")], await Storage.Tags.ListAsync(scope, arn, None));

        // Overwriting existing keys does not count against the limit.
        Assert.True(await Storage.Tags.TryPutAsync(scope, arn, [new("a", "new"), new("b", "new"), new("c", "3")], 3, None));
        Assert.Equal([new("a", "new"), new("b", "new"), new("c", "3")], await Storage.Tags.ListAsync(scope, arn, None));
    }

    [Fact]
    public async Task Remove_deletes_the_given_keys_and_ignores_unknown_ones()
    {
        var scope = NewScope();
        const string arn = "arn:test:remove";
        Assert.True(await Storage.Tags.TryPutAsync(scope, arn, [new("a", "1"), new("b", "2"), new("c", "3")], 50, None));

        await Storage.Tags.RemoveAsync(scope, arn, ["a", "c", "zzz"], None);

        Assert.Equal([new Tag("b", "2")], await Storage.Tags.ListAsync(scope, arn, None));
    }

    [Fact]
    public async Task Tags_of_one_arn_in_different_scopes_are_separate()
    {
        var scope = NewScope();
        var other = new Scope(NewAccountId(), scope.Region);
        const string arn = "arn:test:shared-name";
        Assert.True(await Storage.Tags.TryPutAsync(scope, arn, [new("a", "mine")], 1, None));

        Assert.True(await Storage.Tags.TryPutAsync(other, arn, [new("b", "theirs")], 1, None));

        Assert.Equal([new Tag("a", "mine")], await Storage.Tags.ListAsync(scope, arn, None));
        Assert.Equal([new Tag("b", "theirs")], await Storage.Tags.ListAsync(other, arn, None));
        Assert.Empty(await Storage.Tags.ListAsync(scope with { Region = "eu-central-1" }, arn, None));
    }

    [Fact]
    public async Task Concurrent_puts_never_exceed_the_tag_limit()
    {
        var scope = NewScope();
        const string arn = "arn:test:concurrent-tags";
        ILicentiaStorage[] nodes = [Storage, OpenAnotherNode()];

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            nodes[i % 2].Tags.TryPutAsync(scope, arn, [new($"k{i:D2}", "v")], 4, None))));

        Assert.Equal(4, results.Count(ok => ok));
        Assert.Equal(4, (await Storage.Tags.ListAsync(scope, arn, None)).Count);
    }

    // ---- idempotency ----

    [Fact]
    public async Task Idempotency_record_is_found_and_a_duplicate_is_refused()
    {
        var scope = NewScope();
        var record = new IdempotencyRecord("CreateLicenseConfiguration", "token-1", "sha256:abc", """{"LicenseConfigurationArn":"arn:x"}""", T0);

        Assert.True(await Storage.Idempotency.TryAddAsync(scope, record, None));
        Assert.False(await Storage.Idempotency.TryAddAsync(scope, record with { RequestFingerprint = "sha256:other", ResponseJson = "{}" }, None));

        Assert.Equal(record, await Storage.Idempotency.FindAsync(scope, record.Operation, record.ClientToken, None));
    }

    [Fact]
    public async Task Idempotency_records_are_kept_apart_by_scope_and_operation()
    {
        var scope = NewScope();
        var record = new IdempotencyRecord("CreateLicenseConfiguration", "token-1", "fp", "{}", T0);
        Assert.True(await Storage.Idempotency.TryAddAsync(scope, record, None));

        Assert.Null(await Storage.Idempotency.FindAsync(new Scope(NewAccountId(), scope.Region), record.Operation, record.ClientToken, None));
        Assert.Null(await Storage.Idempotency.FindAsync(scope with { Region = "eu-west-1" }, record.Operation, record.ClientToken, None));
        Assert.Null(await Storage.Idempotency.FindAsync(scope, "CreateGrant", record.ClientToken, None));
        Assert.True(await Storage.Idempotency.TryAddAsync(scope, record with { Operation = "CreateGrant" }, None));
        Assert.True(await Storage.Idempotency.TryAddAsync(scope with { Region = "eu-west-1" }, record, None));
    }

    [Fact]
    public async Task Response_json_is_returned_byte_for_byte()
    {
        var scope = NewScope();
        const string response = "{ \"b\": 1,\n  \"a\": [ 2 ] }";
        Assert.True(await Storage.Idempotency.TryAddAsync(scope, new IdempotencyRecord("Op", "t", "fp", response, T0), None));

        Assert.Equal(response, (await Storage.Idempotency.FindAsync(scope, "Op", "t", None))!.ResponseJson);
    }

    [Fact]
    public async Task Purge_forgets_records_older_than_the_cutoff_in_every_scope()
    {
        // Far in the past so that records of other tests in this database are never older than the cutoff.
        var old = new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var scopes = new[] { NewScope(), NewScope("eu-west-1") };
        foreach (var scope in scopes)
        {
            Assert.True(await Storage.Idempotency.TryAddAsync(scope, new IdempotencyRecord("Op", "old", "fp", "{}", old), None));
            Assert.True(await Storage.Idempotency.TryAddAsync(scope, new IdempotencyRecord("Op", "edge", "fp", "{}", old.AddHours(1)), None));
            Assert.True(await Storage.Idempotency.TryAddAsync(scope, new IdempotencyRecord("Op", "new", "fp", "{}", old.AddDays(1)), None));
        }

        Assert.Equal(2, await Storage.Idempotency.PurgeAsync(old.AddHours(1), None));

        foreach (var scope in scopes)
        {
            Assert.Null(await Storage.Idempotency.FindAsync(scope, "Op", "old", None));
            Assert.NotNull(await Storage.Idempotency.FindAsync(scope, "Op", "edge", None));
            Assert.NotNull(await Storage.Idempotency.FindAsync(scope, "Op", "new", None));
        }
    }

    // ---- migrations ----

    [Fact]
    public async Task Migrating_again_changes_nothing_and_keeps_the_data()
    {
        var scope = NewScope();
        var configuration = await InsertAsync(Configuration(scope));

        await Storage.MigrateAsync(None);
        await OpenAnotherNode().MigrateAsync(None);

        Assert.NotNull(await Storage.LicenseConfigurations.FindAsync(scope, configuration.Id, None));
    }

    [Fact]
    public async Task Several_nodes_migrating_an_empty_database_at_once_all_succeed()
    {
        var location = await EmptyDatabaseAsync();
        var nodes = Enumerable.Range(0, 4).Select(_ => OpenTracked(location)).ToList();

        await Task.WhenAll(nodes.Select(node => Task.Run(() => node.MigrateAsync(None))));
        await nodes[0].MigrateAsync(None);

        var scope = NewScope();
        Assert.True(await nodes[1].LicenseConfigurations.TryInsertAsync(Configuration(scope), [], 1, None));
        Assert.Single((await nodes[2].LicenseConfigurations.ListAsync(scope, new LicenseConfigurationQuery(), None)).Items);
    }

    // ---- helpers ----

    private static (Account Account, AccessKeyRecord Key) NewAccount(string? accountId = null)
    {
        var id = accountId ?? NewAccountId();
        var account = new Account(id, $"account-{Guid.NewGuid():N}", T0);
        var key = new AccessKeyRecord($"AKIA{Guid.NewGuid():N}"[..20].ToUpperInvariant(), id, [1, 2, 3, 0, 255], T0);
        return (account, key);
    }

    private async Task<LicenseConfiguration> InsertAsync(LicenseConfiguration configuration, int maxPerScope = 1000)
    {
        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(configuration, [], maxPerScope, None));
        return configuration;
    }

    private async Task<List<LicenseConfiguration>> InsertManyAsync(Scope scope, int count)
    {
        var created = new List<LicenseConfiguration>();
        for (var i = 0; i < count; i++)
        {
            created.Add(await InsertAsync(Configuration(scope, $"c{i}", i)));
        }

        return created;
    }

    private async Task<IReadOnlyList<LicenseConfiguration>> ListAsync(Scope scope, LicenseConfigurationQuery query)
    {
        var page = await Storage.LicenseConfigurations.ListAsync(scope, query, None);
        Assert.Null(page.NextCursor);
        return page.Items;
    }

    private async Task<List<IReadOnlyList<LicenseConfiguration>>> AllPagesAsync(Scope scope, LicenseConfigurationQuery query)
    {
        var pages = new List<IReadOnlyList<LicenseConfiguration>>();
        string? cursor = null;
        do
        {
            var page = await Storage.LicenseConfigurations.ListAsync(scope, query with { After = cursor }, None);
            pages.Add(page.Items);
            cursor = page.NextCursor;
            Assert.True(pages.Count <= 20, "paging does not terminate");
        }
        while (cursor is not null);

        return pages;
    }
}
