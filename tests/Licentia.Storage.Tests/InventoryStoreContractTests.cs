using System.Security.Cryptography;
using Licentia.Core;
using Licentia.Core.Inventory;
using Licentia.Core.Tagging;
using Licentia.Storage.Postgres;
using Licentia.Storage.Sqlite;
using Licentia.Testing;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>
/// The inventory store contract (activations, managed nodes, their keys and inventory), written once and run on
/// each engine by a subclass. Tests of one class share a database; each works in scopes of its own.
/// </summary>
public abstract class InventoryStoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private ILicentiaStorage _storage = null!;

    protected abstract Task<string> ClassDatabaseAsync();

    protected abstract ILicentiaStorage Open(string location);

    private IInventoryStore Store => _storage.Inventory;

    public async Task InitializeAsync()
    {
        _storage = Open(await ClassDatabaseAsync());
        await _storage.MigrateAsync(None);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task An_activation_round_trips_and_is_found_for_registration_by_region_and_id_only()
    {
        var scope = NewScope();
        var activation = NewActivation(scope) with
        {
            Description = "rack 7 – ünïcødé",
            DefaultInstanceName = "web",
            Tags = [new Tag("env", "prod"), new Tag("team", "")],
        };
        Assert.True(await Store.TryInsertActivationAsync(activation, 10, None));

        var found = await Store.FindActivationAsync(scope, activation.Id, None);
        Assert.NotNull(found);
        Assert.Equal((activation.Id, activation.AccountId, activation.Region, activation.Description, activation.DefaultInstanceName,
                activation.IamRole, activation.RegistrationLimit, 0, activation.ExpiresAt, activation.CreatedAt),
            (found.Id, found.AccountId, found.Region, found.Description, found.DefaultInstanceName, found.IamRole,
                found.RegistrationLimit, found.RegistrationsCount, found.ExpiresAt, found.CreatedAt));
        Assert.Equal(activation.CodeHash.ToArray(), found.CodeHash.ToArray());
        Assert.Equal(activation.Tags, found.Tags);

        Assert.Equal(activation.Id, (await Store.FindActivationForRegistrationAsync(scope.Region, activation.Id, None))?.Id);
        Assert.Null(await Store.FindActivationForRegistrationAsync("eu-west-1", activation.Id, None));
        Assert.Null(await Store.FindActivationAsync(new Scope(NewAccountId(), scope.Region), activation.Id, None));
    }

    [Fact]
    public async Task Activations_are_listed_by_filter_and_keyset_page_and_deleted()
    {
        var scope = NewScope();
        var activations = new List<Activation>();
        for (var i = 0; i < 5; i++)
        {
            var activation = NewActivation(scope) with { IamRole = i % 2 == 0 ? "even" : "odd" };
            Assert.True(await Store.TryInsertActivationAsync(activation, 10, None));
            activations.Add(activation);
        }

        var first = await Store.ListActivationsAsync(scope, new ActivationQuery(), null, 2, None);
        Assert.Equal(activations.Take(2).Select(a => a.Id), first.Items.Select(a => a.Id));
        var rest = await Store.ListActivationsAsync(scope, new ActivationQuery(), first.NextCursor, 10, None);
        Assert.Equal(activations.Skip(2).Select(a => a.Id), rest.Items.Select(a => a.Id));
        Assert.Null(rest.NextCursor);

        var odd = await Store.ListActivationsAsync(scope, new ActivationQuery { IamRoles = ["odd"] }, null, 10, None);
        Assert.Equal(2, odd.Items.Count);
        Assert.Empty((await Store.ListActivationsAsync(scope, new ActivationQuery { ActivationIds = [] }, null, 10, None)).Items);

        Assert.True(await Store.DeleteActivationAsync(scope, activations[0].Id, None));
        Assert.False(await Store.DeleteActivationAsync(scope, activations[0].Id, None));
        Assert.Null(await Store.FindActivationAsync(scope, activations[0].Id, None));
        Assert.False(await Store.TryInsertActivationAsync(NewActivation(scope), 4, None));
    }

    [Fact]
    public async Task Registration_takes_a_slot_and_stores_node_key_and_information_all_at_once()
    {
        var scope = NewScope();
        var activation = NewActivation(scope, limit: 1);
        Assert.True(await Store.TryInsertActivationAsync(activation, 10, None));

        var (node, key) = NewNode(activation);
        Assert.Equal(RegistrationOutcome.Registered, await Store.TryRegisterAsync(node, key, InventoryManager.InformationItem(node, T0), T0, None));
        Assert.Equal(1, (await Store.FindActivationAsync(scope, activation.Id, None))!.RegistrationsCount);

        var found = await Store.FindInstanceAsync(scope, node.Id, None);
        Assert.Equal(node, found! with { Tags = node.Tags });
        Assert.Equal(node.Tags, found.Tags);
        var storedKey = await Store.FindInstanceKeyAsync(key.AccessKeyId, None);
        Assert.Equal((key.AccountId, key.Region, key.InstanceId), (storedKey!.AccountId, storedKey.Region, storedKey.InstanceId));
        Assert.Equal(key.EncryptedSecret.ToArray(), storedKey.EncryptedSecret.ToArray());
        Assert.Equal(InventoryTypes.InstanceInformation, Assert.Single(await Store.ListItemsAsync(scope, node.Id, null, None)).TypeName);

        var (second, secondKey) = NewNode(activation);
        Assert.Equal(RegistrationOutcome.LimitReached,
            await Store.TryRegisterAsync(second, secondKey, InventoryManager.InformationItem(second, T0), T0, None));
        Assert.Null(await Store.FindInstanceAsync(scope, second.Id, None));
        Assert.Null(await Store.FindInstanceKeyAsync(secondKey.AccessKeyId, None));
    }

    [Fact]
    public async Task Registration_is_refused_after_expiry_and_after_deletion()
    {
        var scope = NewScope();
        var activation = NewActivation(scope, limit: 5);
        Assert.True(await Store.TryInsertActivationAsync(activation, 10, None));
        var (node, key) = NewNode(activation);
        Assert.Equal(RegistrationOutcome.Expired,
            await Store.TryRegisterAsync(node, key, InventoryManager.InformationItem(node, T0), activation.ExpiresAt, None));
        Assert.True(await Store.DeleteActivationAsync(scope, activation.Id, None));
        Assert.Equal(RegistrationOutcome.UnknownActivation,
            await Store.TryRegisterAsync(node, key, InventoryManager.InformationItem(node, T0), T0, None));
        Assert.Null(await Store.FindInstanceAsync(scope, node.Id, None));
    }

    [Fact]
    public async Task Concurrent_registrations_never_exceed_the_limit()
    {
        var scope = NewScope();
        var activation = NewActivation(scope, limit: 3);
        Assert.True(await Store.TryInsertActivationAsync(activation, 10, None));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            var (node, key) = NewNode(activation);
            await Task.Yield();
            return await Store.TryRegisterAsync(node, key, InventoryManager.InformationItem(node, T0), T0, None);
        }));

        Assert.Equal(3, outcomes.Count(o => o == RegistrationOutcome.Registered));
        Assert.Equal(13, outcomes.Count(o => o == RegistrationOutcome.LimitReached));
        Assert.Equal(3, (await Store.FindActivationAsync(scope, activation.Id, None))!.RegistrationsCount);
        Assert.Equal(3, (await Store.ListInstancesAsync(scope, new InstanceQuery(), null, 50, None)).Items.Count);
    }

    [Fact]
    public async Task Unchanged_items_are_not_rewritten_and_a_heartbeat_moves_the_last_ping()
    {
        var (scope, node) = await RegisteredNodeAsync();
        var app = Item("AWS:Application", "hash-1", "2025-03-14T15:00:00Z", ("Name", "bash"));
        var outcome = await Store.PutInventoryAsync(scope, node.Id, [app], null, T0.AddMinutes(1), heartbeat: false, 20, None);
        Assert.Equal((true, false, 1, 0), (outcome.InstanceFound, outcome.CustomTypeLimitExceeded, outcome.ItemsWritten, outcome.ItemsUnchanged));
        Assert.Equal(T0, (await Store.FindInstanceAsync(scope, node.Id, None))!.LastPingAt);

        // Same hash, later capture time: nothing is rewritten, but the heartbeat is recorded.
        var again = await Store.PutInventoryAsync(scope, node.Id, [app with { CaptureTime = "2025-03-14T16:00:00Z" }],
            new HostFacts { ComputerName = "db-1", AgentVersion = "1.0.0", PlatformType = "Linux" }, T0.AddMinutes(5), heartbeat: true, 20, None);
        Assert.Equal((1, 0), (again.ItemsUnchanged, again.ItemsWritten));
        var stored = (await Store.ListItemsAsync(scope, node.Id, "AWS:Application", None)).Single();
        Assert.Equal("2025-03-14T15:00:00Z", stored.CaptureTime);
        var pinged = await Store.FindInstanceAsync(scope, node.Id, None);
        Assert.Equal((T0.AddMinutes(5), "db-1", "1.0.0", "Linux"),
            (pinged!.LastPingAt, pinged.Facts.ComputerName, pinged.Facts.AgentVersion, pinged.Facts.PlatformType));

        var changed = app with { ContentHash = "hash-2", Content = [new Dictionary<string, string> { ["Name"] = "bash" }, new Dictionary<string, string> { ["Name"] = "zsh" }] };
        Assert.Equal(1, (await Store.PutInventoryAsync(scope, node.Id, [changed], null, T0.AddMinutes(6), false, 20, None)).ItemsWritten);
        Assert.Equal(["bash", "zsh"], (await Store.ListItemsAsync(scope, node.Id, "AWS:Application", None)).Single().Content.Select(e => e["Name"]));
    }

    [Fact]
    public async Task Custom_types_are_limited_per_node_and_unknown_nodes_are_reported()
    {
        var (scope, node) = await RegisteredNodeAsync();
        var custom = Enumerable.Range(0, 3).Select(i => Item($"Custom:T{i}", $"h{i}", "2025-03-14T15:00:00Z", ("A", "1"))).ToList();
        Assert.True((await Store.PutInventoryAsync(scope, node.Id, custom[..2], null, T0, false, 2, None)).ItemsWritten == 2);
        Assert.True((await Store.PutInventoryAsync(scope, node.Id, [custom[2]], null, T0, false, 2, None)).CustomTypeLimitExceeded);
        Assert.Equal(3, (await Store.ListItemsAsync(scope, node.Id, null, None)).Count);
        Assert.False((await Store.PutInventoryAsync(scope, "mi-00000000000000000", custom, null, T0, false, 20, None)).InstanceFound);
        Assert.False((await Store.PutInventoryAsync(scope with { Region = "eu-west-1" }, node.Id, custom, null, T0, false, 20, None)).InstanceFound);
    }

    [Fact]
    public async Task Instances_are_filtered_by_derived_ping_status_and_columns()
    {
        var scope = NewScope();
        var activation = NewActivation(scope, limit: 10);
        Assert.True(await Store.TryInsertActivationAsync(activation, 10, None));
        var pings = new[] { T0, T0.AddMinutes(-30), T0.AddDays(-40) };
        var nodes = new List<ManagedInstance>();
        foreach (var ping in pings)
        {
            var (node, key) = NewNode(activation);
            node = node with { LastPingAt = ping, Facts = node.Facts with { PlatformType = ping == T0 ? "Linux" : "Windows" } };
            Assert.Equal(RegistrationOutcome.Registered, await Store.TryRegisterAsync(node, key, InventoryManager.InformationItem(node, T0), T0, None));
            nodes.Add(node);
        }

        var window = new InstanceQuery { OnlineSince = T0.AddMinutes(-10), ActiveSince = T0.AddDays(-30) };
        async Task<string[]> Ids(InstanceQuery q) => [.. (await Store.ListInstancesAsync(scope, q, null, 50, None)).Items.Select(i => i.Id)];
        Assert.Equal([nodes[0].Id], await Ids(window with { PingStatuses = [PingStatus.Online] }));
        Assert.Equal([nodes[1].Id], await Ids(window with { PingStatuses = [PingStatus.ConnectionLost] }));
        Assert.Equal([nodes[2].Id], await Ids(window with { PingStatuses = [PingStatus.Inactive] }));
        Assert.Equal([nodes[0].Id, nodes[2].Id], await Ids(window with { PingStatuses = [PingStatus.Online, PingStatus.Inactive] }));
        Assert.Equal([nodes[1].Id, nodes[2].Id], await Ids(window with { PlatformTypes = ["Windows"] }));
        Assert.Equal([nodes[1].Id], await Ids(window with { InstanceIds = [nodes[1].Id], ActivationIds = [activation.Id] }));
        Assert.Empty(await Ids(window with { IamRoles = ["other"] }));

        var page = await Store.ListInstancesAsync(scope, window, null, 2, None);
        Assert.Equal(2, page.Items.Count);
        Assert.Equal([nodes[2].Id], (await Store.ListInstancesAsync(scope, window, page.NextCursor, 2, None)).Items.Select(i => i.Id));

        var scan = await Store.ScanInventoryAsync(scope, null, 2, None);
        Assert.Equal(2, scan.Items.Count);
        Assert.All(scan.Items, s => Assert.Equal(InventoryTypes.InstanceInformation, Assert.Single(s.Inventory.Items).TypeName));
        var scanRest = await Store.ScanInventoryAsync(scope, scan.Items[^1].Cursor, 2, None);
        Assert.Equal([nodes[2].Id], scanRest.Items.Select(s => s.Inventory.Instance.Id));
        Assert.Null(scanRest.NextCursor);
    }

    [Fact]
    public async Task Deregistration_removes_the_node_its_keys_and_inventory_at_once()
    {
        var (scope, node, key) = await RegisteredNodeWithKeyAsync();
        Assert.False(await Store.DeregisterAsync(scope with { AccountId = NewAccountId() }, node.Id, None));
        Assert.True(await Store.DeregisterAsync(scope, node.Id, None));
        Assert.Null(await Store.FindInstanceAsync(scope, node.Id, None));
        Assert.Null(await Store.FindInstanceKeyAsync(key.AccessKeyId, None));
        Assert.Empty(await Store.ListItemsAsync(scope, node.Id, null, None));
        Assert.False(await Store.DeregisterAsync(scope, node.Id, None));
    }

    private async Task<(Scope, ManagedInstance)> RegisteredNodeAsync()
    {
        var (scope, node, _) = await RegisteredNodeWithKeyAsync();
        return (scope, node);
    }

    private async Task<(Scope, ManagedInstance, ManagedInstanceKey)> RegisteredNodeWithKeyAsync()
    {
        var scope = NewScope();
        var activation = NewActivation(scope);
        Assert.True(await Store.TryInsertActivationAsync(activation, 10, None));
        var (node, key) = NewNode(activation);
        Assert.Equal(RegistrationOutcome.Registered, await Store.TryRegisterAsync(node, key, InventoryManager.InformationItem(node, T0), T0, None));
        return (scope, node, key);
    }

    private static InventoryItem Item(string type, string hash, string captured, params (string Name, string Value)[] attributes) => new()
    {
        TypeName = type,
        SchemaVersion = "1.0",
        CaptureTime = captured,
        ContentHash = hash,
        Content = [attributes.ToDictionary(a => a.Name, a => a.Value)],
    };

    private static Activation NewActivation(Scope scope, int limit = 1) => new()
    {
        Id = Guid.NewGuid().ToString(),
        AccountId = scope.AccountId,
        Region = scope.Region,
        IamRole = "SSMServiceRole",
        RegistrationLimit = limit,
        ExpiresAt = T0.AddHours(24),
        CreatedAt = T0,
        CodeHash = SHA256.HashData(Guid.NewGuid().ToByteArray()),
    };

    private static (ManagedInstance, ManagedInstanceKey) NewNode(Activation activation)
    {
        var id = "mi-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9))[..17];
        var node = new ManagedInstance
        {
            Id = id,
            AccountId = activation.AccountId,
            Region = activation.Region,
            ActivationId = activation.Id,
            IamRole = activation.IamRole,
            Name = "web",
            RegisteredAt = T0,
            LastPingAt = T0,
            Facts = new HostFacts { ComputerName = "host", PlatformName = "Debian GNU/Linux", PlatformVersion = "12", IpAddress = "10.0.0.1" },
            Tags = [new Tag("env", "prod")],
        };
        var key = new ManagedInstanceKey("AKMI" + RandomNumberGenerator.GetHexString(16), node.AccountId, node.Region, id,
            RandomNumberGenerator.GetBytes(56), T0);
        return (node, key);
    }
}

/// <summary>The inventory contract on SQLite.</summary>
public sealed class SqliteInventoryStoreContractTests(TempDirectory directory) : InventoryStoreContractTests, IClassFixture<TempDirectory>
{
    protected override Task<string> ClassDatabaseAsync() => Task.FromResult(directory.Path);

    protected override ILicentiaStorage Open(string location) => SqliteStorage.Open(location);
}

/// <summary>The inventory contract on PostgreSQL.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresInventoryStoreContractTests(PostgresTestServer server) : InventoryStoreContractTests
{
    protected override Task<string> ClassDatabaseAsync() => server.DatabaseAsync(nameof(PostgresInventoryStoreContractTests));

    protected override ILicentiaStorage Open(string location) => PostgresStorage.Open(location);
}
