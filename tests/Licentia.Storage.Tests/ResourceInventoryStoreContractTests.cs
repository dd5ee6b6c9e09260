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
    public async Task Resource_id_equals_finds_the_one_resource_in_either_table()
    {
        var scope = NewScope();
        var instances = new[] { Instance(scope), Instance(scope), Instance(scope) };
        await InsertInstancesAsync(instances);
        await RegisterAsync(scope, [("MySQL Server", "8.0")]);
        var other = await RegisterAsync(scope, [("nginx", "1.24")]);

        foreach (var id in new[] { instances[1].Id, other.Id })
        {
            var page = await Store.ListResourcesAsync(scope, Query(("resource_id", "EQUALS", id)), null, 10, 100, None);
            Assert.Equal([id], page.Items.Select(r => r.ResourceId));
            Assert.Null(page.NextCursor);
        }
    }

    public static TheoryData<string, string, string, string?, string?, string?> FilterCases() => new()
    {
        { "platform", "EQUALS", "Ubuntu", null, null, null },
        { "platform", "EQUALS", "ubuntu", null, null, null },
        { "platform", "BEGINS_WITH", "Windows", null, null, null },
        { "platform", "BEGINS_WITH", "Ubu", "application_name", "EQUALS", "nginx" },
        { "platform", "BEGINS_WITH", "", null, null, null },
        { "platform", "CONTAINS", "SQL", null, null, null },
        { "application_name", "EQUALS", "nginx", null, null, null },
        { "application_name", "EQUALS", "mysql server", null, null, null },
        { "application_name", "BEGINS_WITH", "MySQL", null, null, null },
        { "application_name", "BEGINS_WITH", "mysql", null, null, null },
        { "application_name", "BEGINS_WITH", "\U0001F600", null, null, null },
        { "application_name", "CONTAINS", "Server", null, null, null },
        { "application_name", "NOT_EQUALS", "nginx", null, null, null },
        { "license_included", "EQUALS", "sql-server-enterprise", null, null, null },
        { "license_included", "EQUALS", "windows-server-datacenter", "platform", "BEGINS_WITH", "Windows with SQL" },
        { "license_included", "NOT_EQUALS", "windows-server-datacenter", null, null, null },
        { "tag:env", "EQUALS", "prod", null, null, null },
        { "tag:env", "EQUALS", "PROD", null, null, null },
        { "tag:env", "NOT_EQUALS", "prod", null, null, null },
        { "tag:team", "EQUALS", "", null, null, null },
        { "tag:env", "CONTAINS", "ro", "application_name", "BEGINS_WITH", "My" },
        { "resource_id", "NOT_EQUALS", "*", "tag:env", "EQUALS", "prod" },
        { "resource_id", "BEGINS_WITH", "mi-", null, null, null },
        { "resource_id", "CONTAINS", "-", "platform", "EQUALS", "Linux/UNIX" },
        { "account_id", "EQUALS", "*", "application_name", "EQUALS", "nginx" },
        { "account_id", "NOT_EQUALS", "*", null, null, null },
        { "account_id", "EQUALS", "999988887777", null, null, null },
        { "account_id", "NOT_EQUALS", "999988887777", "license_included", "EQUALS", "sql-server-web" },
    };

    /// <summary>
    /// Each filter and condition (CONTAINS and pairs the API refuses built directly), alone and with a second one: the
    /// store answers exactly what <see cref="ResourceInventoryFilter.Matches"/> says of every resource, case-sensitively,
    /// in order, at every page size, with no duplicate and no gap across the two tables.
    /// </summary>
    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Each_filter_and_condition_is_answered_in_sql_exactly_as_the_rule_matches(
        string name, string condition, string value, string? name2, string? condition2, string? value2)
    {
        var (scope, everything) = await SeedVarietyAsync();
        var filters = new List<ResourceInventoryFilter> { Filter(scope, everything, name, condition, value) };
        if (name2 is not null)
        {
            filters.Add(Filter(scope, everything, name2, condition2!, value2!));
        }

        var query = new ResourceInventoryQuery(filters);
        var expected = everything.Where(query.Matches).Select(r => r.ResourceId).ToList();
        foreach (var pageSize in new[] { 1, 2, 100 })
        {
            Assert.Equal(expected, await ListAllAsync(scope, query, pageSize, 100));
        }
    }

    [Fact]
    public async Task Without_a_selective_filter_a_page_examines_at_most_the_scan_limit_and_resumes_exactly()
    {
        var scope = NewScope();
        var instances = Enumerable.Range(0, 5).Select(_ => Instance(scope)).ToArray();
        await InsertInstancesAsync(instances);
        var nodes = new[]
        {
            await RegisterAsync(scope, []), await RegisterAsync(scope, [], tags: [new Tag("env", "dev")]), await RegisterAsync(scope, []),
        };
        var query = Query(("tag:env", "NOT_EQUALS", "prod"));

        // A scan budget of 2 rows: the first page sees two instances, fills and says where to go on.
        var first = await Store.ListResourcesAsync(scope, query, null, 2, 2, None);
        Assert.Equal(instances.Take(2).Select(i => i.Id), first.Items.Select(r => r.ResourceId));
        Assert.NotNull(first.NextCursor);

        // Over the managed servers two of three are excluded: a budget of 2 ends a page short, with a cursor.
        var seen = new List<string>();
        var pages = new List<int>();
        string? cursor = null;
        do
        {
            var page = await Store.ListResourcesAsync(scope, query, cursor, 2, 2, None);
            Assert.True(page.Items.Count <= 2);
            pages.Add(page.Items.Count);
            seen.AddRange(page.Items.Select(r => r.ResourceId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([.. instances.Select(i => i.Id), nodes[1].Id], seen);
        Assert.Contains(pages, count => count < 2);
    }

    [Fact]
    public async Task A_selective_filter_walks_its_own_matches_instead_of_the_table()
    {
        var scope = NewScope();
        await InsertInstancesAsync([.. Enumerable.Range(0, 6).Select(_ => Instance(scope))]);
        var rare = await RegisterAsync(scope, [("rare-app", "1")]);
        await RegisterAsync(scope, [("common", "1")]);

        // A budget of 2 rows cannot reach the server by scanning 8 rows; the index finds it at once.
        var page = await Store.ListResourcesAsync(scope, Query(("application_name", "EQUALS", "rare-app")), null, 2, 2, None);
        Assert.Equal([rare.Id], page.Items.Select(r => r.ResourceId));
        Assert.Null(page.NextCursor);
        page = await Store.ListResourcesAsync(scope, Query(("application_name", "BEGINS_WITH", "rare")), null, 2, 2, None);
        Assert.Equal([rare.Id], page.Items.Select(r => r.ResourceId));
    }

    [Fact]
    public async Task The_index_follows_terminations_new_inventory_new_platforms_and_deregistrations()
    {
        var scope = NewScope();
        var windows = Instance(scope) with { PlatformDetails = "Windows", UsageOperation = "RunInstances:0002" };
        await InsertInstancesAsync(windows);
        var node = await RegisterAsync(scope, [("nginx", "1.24")]);
        var byLicense = Query(("license_included", "EQUALS", LicenseIncludedSoftware.WindowsServerDatacenter));
        Assert.Equal([windows.Id], await ListAllAsync(scope, byLicense, 10, 100));

        await Storage.Licensing.WriteAsync(
            async tx => await tx.TryUpdateInstanceAsync(windows with { State = InstanceState.Terminated, Version = windows.Version + 1 }, windows.Version, None), None);
        Assert.Empty(await ListAllAsync(scope, byLicense, 10, 100));
        Assert.Empty(await ListAllAsync(scope, Query(("platform", "EQUALS", "Windows")), 10, 100));

        await PutApplicationsAsync(scope, node.Id, [("MySQL Server", "8.0")]);
        Assert.Empty(await ListAllAsync(scope, Query(("application_name", "EQUALS", "nginx")), 10, 100));
        Assert.Equal([node.Id], await ListAllAsync(scope, Query(("application_name", "EQUALS", "MySQL Server")), 10, 100));

        var facts = node.Facts with { PlatformName = "Ubuntu", PlatformVersion = "24.04" };
        await Storage.Inventory.PutInventoryAsync(scope, node.Id, [], facts, T0.AddMinutes(1), true, 20, None);
        Assert.Empty(await ListAllAsync(scope, Query(("platform", "EQUALS", "Debian GNU/Linux")), 10, 100));
        Assert.Equal([node.Id], await ListAllAsync(scope, Query(("platform", "EQUALS", "Ubuntu"), ("tag:env", "EQUALS", "prod")), 10, 100));
        Assert.Equal([node.Id], await ListAllAsync(scope, Query(("application_name", "EQUALS", "MySQL Server")), 10, 100));

        Assert.True(await Storage.Inventory.DeregisterAsync(scope, node.Id, None));
        Assert.Empty(await ListAllAsync(scope, Query(("platform", "EQUALS", "Ubuntu")), 10, 100));
        Assert.Empty(await ListAllAsync(scope, Query(("tag:env", "NOT_EQUALS", "x")), 10, 100));
    }

    private static ResourceInventoryQuery Query(params (string Name, string Condition, string Value)[] filters) =>
        new([.. filters.Select(f => ResourceInventoryFilter.Parse(f.Name, f.Condition, f.Value))]);

    // "*" stands for the scope's account or the first resource's id; conditions the API refuses are built directly.
    private static ResourceInventoryFilter Filter(Scope scope, IReadOnlyList<InventoryResource> everything, string name, string condition, string value)
    {
        value = (name, value) switch
        {
            ("account_id", "*") => scope.AccountId,
            ("resource_id", "*") => everything[0].ResourceId,
            _ => value,
        };
        try
        {
            return ResourceInventoryFilter.Parse(name, condition, value);
        }
        catch (Licentia.Core.Errors.InvalidParameterValueException)
        {
            var parsed = ResourceInventoryFilter.Parse(name, "EQUALS", name == "license_included" ? LicenseIncludedSoftware.SqlServerWeb : value);
            return parsed with { Condition = condition == "CONTAINS" ? InventoryCondition.Contains : condition == "BEGINS_WITH" ? InventoryCondition.BeginsWith : InventoryCondition.NotEquals, Value = value };
        }
    }

    private async Task<List<string>> ListAllAsync(Scope scope, ResourceInventoryQuery query, int pageSize, int scanLimit)
    {
        var seen = new List<string>();
        string? cursor = null;
        var calls = 0;
        do
        {
            var page = await Store.ListResourcesAsync(scope, query, cursor, pageSize, scanLimit, None);
            Assert.True(page.Items.Count <= pageSize);
            seen.AddRange(page.Items.Select(r => r.ResourceId));
            cursor = page.NextCursor;
            Assert.True(++calls < 1000, "paging does not end");
        }
        while (cursor is not null);

        return seen;
    }

    // EC2 instances of several platforms and billing codes (one terminated), managed servers with applications,
    // platforms and tags that differ in case, prefixes and characters beyond the BMP; another scope's resources.
    private async Task<(Scope Scope, IReadOnlyList<InventoryResource> Everything)> SeedVarietyAsync()
    {
        var scope = NewScope();
        await InsertInstancesAsync(
            Instance(scope) with { PlatformDetails = "Windows with SQL Server Enterprise", UsageOperation = "RunInstances:0102" },
            Instance(scope),
            Instance(scope, state: InstanceState.Terminated) with { PlatformDetails = "Windows", UsageOperation = "RunInstances:0002" },
            Instance(scope) with { PlatformDetails = "Windows", UsageOperation = "RunInstances:0002" },
            Instance(scope) with { PlatformDetails = "Linux with SQL Server Web", UsageOperation = "RunInstances:0200" });
        await RegisterAsync(scope, [("MySQL Server", "8.0"), ("nginx", "1.24"), ("MySQL Client", "8.0")], "Ubuntu", [new Tag("env", "prod")]);
        await RegisterAsync(scope, [("mysql server", "8.0"), ("\U0001F600 smile", "1")], "ubuntu", [new Tag("env", "PROD"), new Tag("team", "")]);
        await RegisterAsync(scope, [], "", [new Tag("env", "dev")]);
        await RegisterAsync(scope, [("nginx", "1.25")], "Ubuntu 22.04", []);
        await InsertInstancesAsync(Instance(NewScope()) with { PlatformDetails = "Windows" });
        await RegisterAsync(scope with { Region = "eu-west-1" }, [("nginx", "1")], "Ubuntu", [new Tag("env", "prod")]);

        var everything = new List<InventoryResource>();
        string? cursor = null;
        do
        {
            var page = await Store.ListResourcesAsync(scope, All, cursor, 3, 100, None);
            everything.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(8, everything.Count);
        return (scope, everything);
    }

    private async Task PutApplicationsAsync(Scope scope, string id, IReadOnlyList<(string Name, string Version)> applications)
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

    private async Task InsertInstancesAsync(params Ec2Instance[] instances) =>
        await Storage.Licensing.WriteAsync(async tx =>
        {
            foreach (var instance in instances)
            {
                await tx.InsertInstanceAsync(instance, None);
            }

            return 0;
        }, None);

    private async Task<ManagedInstance> RegisterAsync(
        Scope scope, IReadOnlyList<(string Name, string Version)> applications, string platformName = "Debian GNU/Linux", IReadOnlyList<Tag>? tags = null)
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
            Facts = new HostFacts { ComputerName = "host", PlatformType = "Linux", PlatformName = platformName, PlatformVersion = "12" },
            Tags = tags ?? [new Tag("env", "prod")],
        };
        var key = new ManagedInstanceKey("AKMI" + RandomNumberGenerator.GetHexString(16), scope.AccountId, scope.Region, id, RandomNumberGenerator.GetBytes(56), T0);
        Assert.Equal(RegistrationOutcome.Registered, await Storage.Inventory.TryRegisterAsync(node, key, InventoryManager.InformationItem(node, T0), T0, None));
        if (applications.Count > 0)
        {
            await PutApplicationsAsync(scope, id, applications);
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
