using System.Security.Cryptography;
using Licentia.Core;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Inventory;
using Licentia.Core.Inventory.Resources;
using Licentia.Core.Tagging;
using Licentia.Storage.Postgres;
using Licentia.Storage.Sqlite;
using Licentia.Testing;
using static Licentia.Storage.Tests.ComputeTestData;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>The ListResourceInventory store over EC2 instances and managed servers, on each engine.</summary>
public abstract class ResourceInventoryStoreContractTests : ContractTestBase
{
    private static readonly ResourceInventoryQuery All = new([]);

    private IResourceInventoryStore Store => Storage.ResourceInventory;

    [Fact]
    public async Task Instances_then_managed_servers_are_listed_with_their_facts_and_scoped()
    {
        var scope = NewScope();
        var windows = Instance(scope) with { PlatformDetails = "Windows with SQL Server Standard", UsageOperation = "RunInstances:0006" };
        var linux = Instance(scope);
        var gone = Instance(scope, state: InstanceState.Terminated);
        await InsertInstancesAsync(windows, linux, gone);
        var node = await RegisterAsync(scope, [("MySQL Server", "8.0"), ("nginx", "1.24")]);
        await InsertInstancesAsync(Instance(NewScope()), Instance(scope with { Region = "eu-west-1" }));

        var page = await Store.ListResourcesAsync(scope, All, null, 10, 100, None);

        Assert.Null(page.NextCursor);
        Assert.Equal([windows.Id, linux.Id, node.Id], page.Items.Select(r => r.ResourceId));
        var first = page.Items[0];
        Assert.Equal((InventoryResourceType.Ec2Instance, windows.Arn, "Windows with SQL Server Standard", scope.AccountId, windows.ImageId, "RunInstances:0006"),
            (first.Type, first.Arn, first.Platform, first.OwnerAccountId, first.AmiId, first.UsageOperation));
        Assert.Equal([LicenseIncludedSoftware.WindowsServerDatacenter, LicenseIncludedSoftware.SqlServerStandard], first.LicenseIncluded);
        var managed = page.Items[2];
        Assert.Equal((InventoryResourceType.SsmManaged, node.Arn, "Debian GNU/Linux", "12"), (managed.Type, managed.Arn, managed.Platform, managed.PlatformVersion));
        Assert.Equal(["MySQL Server", "nginx"], managed.ApplicationNames);
        Assert.Equal([new Tag("env", "prod")], managed.Tags);
    }

    [Fact]
    public async Task Pages_cross_from_instances_to_managed_servers_by_keyset()
    {
        var scope = NewScope();
        var instances = new[] { Instance(scope), Instance(scope), Instance(scope) };
        await InsertInstancesAsync(instances);
        var nodes = new[] { await RegisterAsync(scope, []), await RegisterAsync(scope, []) };
        var expected = instances.Select(i => i.Id).Concat(nodes.Select(n => n.Id)).ToList();

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Store.ListResourcesAsync(scope, All, cursor, 2, 100, None);
            seen.AddRange(page.Items.Select(r => r.ResourceId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Filters_apply_in_sql_and_per_row_and_a_scan_is_bounded()
    {
        var scope = NewScope();
        var instances = new[] { Instance(scope), Instance(scope), Instance(scope) };
        await InsertInstancesAsync(instances);
        var mysql = await RegisterAsync(scope, [("MySQL Server", "8.0")]);
        var other = await RegisterAsync(scope, [("nginx", "1.24")]);

        var byId = new ResourceInventoryQuery([ResourceInventoryFilter.Parse("resource_id", "EQUALS", other.Id)]);
        Assert.Equal([other.Id], (await Store.ListResourcesAsync(scope, byId, null, 10, 100, None)).Items.Select(r => r.ResourceId));

        var byApp = new ResourceInventoryQuery([ResourceInventoryFilter.Parse("application_name", "BEGINS_WITH", "MySQL")]);
        Assert.Equal([mysql.Id], (await Store.ListResourcesAsync(scope, byApp, null, 10, 100, None)).Items.Select(r => r.ResourceId));

        // A budget of 2 rows: the first call sees only instances and says where to go on.
        var bounded = await Store.ListResourcesAsync(scope, byApp, null, 2, 2, None);
        Assert.Empty(bounded.Items);
        Assert.NotNull(bounded.NextCursor);
        var rest = await Store.ListResourcesAsync(scope, byApp, bounded.NextCursor, 2, 100, None);
        Assert.Equal([mysql.Id], rest.Items.Select(r => r.ResourceId));
        Assert.Null(rest.NextCursor);
    }

    private async Task InsertInstancesAsync(params Ec2Instance[] instances) =>
        await Storage.Licensing.WriteAsync(async tx =>
        {
            foreach (var instance in instances)
            {
                await tx.InsertInstanceAsync(instance, None);
            }

            return 0;
        }, None);

    private async Task<ManagedInstance> RegisterAsync(Scope scope, IReadOnlyList<(string Name, string Version)> applications)
    {
        var activation = new Activation
        {
            Id = Guid.NewGuid().ToString(),
            AccountId = scope.AccountId,
            Region = scope.Region,
            IamRole = "SSMServiceRole",
            RegistrationLimit = 1,
            ExpiresAt = T0.AddHours(24),
            CreatedAt = T0,
            CodeHash = SHA256.HashData(Guid.NewGuid().ToByteArray()),
        };
        Assert.True(await Storage.Inventory.TryInsertActivationAsync(activation, 1000, None));
        var id = "mi-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9))[..17];
        var node = new ManagedInstance
        {
            Id = id,
            AccountId = scope.AccountId,
            Region = scope.Region,
            ActivationId = activation.Id,
            IamRole = activation.IamRole,
            RegisteredAt = T0,
            LastPingAt = T0,
            Facts = new HostFacts { ComputerName = "host", PlatformType = "Linux", PlatformName = "Debian GNU/Linux", PlatformVersion = "12" },
            Tags = [new Tag("env", "prod")],
        };
        var key = new ManagedInstanceKey("AKMI" + RandomNumberGenerator.GetHexString(16), scope.AccountId, scope.Region, id, RandomNumberGenerator.GetBytes(56), T0);
        Assert.Equal(RegistrationOutcome.Registered, await Storage.Inventory.TryRegisterAsync(node, key, InventoryManager.InformationItem(node, T0), T0, None));
        if (applications.Count > 0)
        {
            var item = new InventoryItem
            {
                TypeName = InventoryTypes.Application,
                SchemaVersion = "1.1",
                CaptureTime = "2025-03-14T15:00:00Z",
                ContentHash = Guid.NewGuid().ToString("N"),
                Content = [.. applications.Select(a => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["Name"] = a.Name, ["Version"] = a.Version })],
            };
            Assert.Equal(1, (await Storage.Inventory.PutInventoryAsync(scope, id, [item], null, T0, false, 20, None)).ItemsWritten);
        }

        return node;
    }
}

/// <summary>The resource inventory contract on SQLite.</summary>
public sealed class SqliteResourceInventoryStoreContractTests(TempDirectory directory) : ResourceInventoryStoreContractTests, IClassFixture<TempDirectory>
{
    protected override Task<string> ClassDatabaseAsync() => Task.FromResult(directory.Path);

    protected override ILicentiaStorage Open(string location) => SqliteStorage.Open(location);
}

/// <summary>The resource inventory contract on PostgreSQL.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresResourceInventoryStoreContractTests(PostgresTestServer server) : ResourceInventoryStoreContractTests
{
    protected override Task<string> ClassDatabaseAsync() => server.DatabaseAsync(nameof(PostgresResourceInventoryStoreContractTests));

    protected override ILicentiaStorage Open(string location) => PostgresStorage.Open(location);
}
