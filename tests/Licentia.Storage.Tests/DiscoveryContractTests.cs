using Licentia.Core;
using Licentia.Core.Inventory;
using Licentia.Core.Inventory.Discovery;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using Licentia.Core.Security;
using Licentia.Storage.Postgres;
using Licentia.Storage.Sqlite;
using Licentia.Testing;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>
/// Automated discovery and managed-server licensing over the real stores, on each engine: the job's reads (configurations
/// over every scope, associations of a page of resources, managed-server associations joined with their servers and
/// usage), LastRunTime, the origin of associations, freshness with a moved clock, and deregistration.
/// </summary>
public abstract class DiscoveryContractTests : ContractTestBase
{
    private const string Package = "postgresql-15";

    private readonly MovableClock _clock = new();

    private sealed record World(InventoryManager Inventory, LicenseConfigurationManager Configurations, LicenseAssociationManager Associations, DiscoveryJob Job);

    private World WorldOver(ILicentiaStorage storage)
    {
        var quotas = new LicensingQuotas();
        var associations = new LicenseAssociationManager(storage.Licensing, storage.LicenseConfigurations, quotas, _clock);
        var trigger = new DiscoveryTrigger();
        var inventory = new InventoryManager(storage.Inventory, new AesGcmSecretProtector(new byte[32]), new InventoryOptions(), _clock,
            observer: new ManagedServerLicensingObserver(associations, trigger));
        return new World(
            inventory,
            new LicenseConfigurationManager(storage.LicenseConfigurations, storage.Tags, quotas, _clock, licensing: storage.Licensing),
            associations,
            new DiscoveryJob(storage.Licensing, storage.Inventory, storage.Compute, storage.LicenseConfigurations, associations, _clock,
                new DiscoveryOptions { BatchSize = 2 }));
    }

    [Fact]
    public async Task Discovery_associates_counts_stops_counting_when_inactive_and_deregistration_releases()
    {
        var scope = NewScope();
        var w = WorldOver(Storage);
        var server = await RegisterAsync(w, scope, [Package, "bash"], cpus: 6);
        await RegisterAsync(w, scope, ["bash"], cpus: 2);
        var config = await TrackingAsync(w, scope, LicenseCountingType.VCpu);

        // The job runs over every scope of the shared database: count only what this test's scope shows.
        Assert.True((await w.Job.RunOnceAsync(None)).Associated >= 1);
        var association = Assert.Single((await w.Associations.ListAssociationsForLicenseConfigurationAsync(scope, config.Arn, null, null, None)).Items);
        Assert.Equal((server.Arn, AssociationOrigin.Discovery, LicenseResourceType.SystemsManagerManagedInstance),
            (association.ResourceArn, association.Origin, association.ResourceType));
        Assert.Equal(6, (await w.Associations.GetConsumptionAsync(scope, config.Arn, None)).ConsumedLicenses);
        Assert.Equal(_clock.GetUtcNow(), (await Storage.LicenseConfigurations.FindAsync(scope, config.Id, None))!.DiscoveryLastRunTime);

        _clock.Advance(TimeSpan.FromDays(31));
        Assert.True((await w.Job.RunOnceAsync(None)).Replanned >= 1);
        Assert.Equal(0, (await w.Associations.GetConsumptionAsync(scope, config.Arn, None)).ConsumedLicenses);

        // The agent reports again (a heartbeat with its own credentials): it counts again on the next run.
        await w.Inventory.PutInventoryAsync(new InventoryCaller(scope, server.Id), server.Id, [Applications([Package, "bash"])], None);
        await w.Job.RunOnceAsync(None);
        Assert.Equal(6, (await w.Associations.GetConsumptionAsync(scope, config.Arn, None)).ConsumedLicenses);

        await w.Inventory.DeregisterAsync(new InventoryCaller(scope, null), server.Id, None);
        Assert.Empty((await w.Associations.ListAssociationsForLicenseConfigurationAsync(scope, config.Arn, null, null, None)).Items);
        Assert.Equal(0, (await w.Associations.GetConsumptionAsync(scope, config.Arn, None)).ConsumedLicenses);
    }

    [Fact]
    public async Task A_manual_association_of_a_server_counts_its_cores_and_survives_discovery()
    {
        var scope = NewScope();
        var w = WorldOver(Storage);
        var server = await RegisterAsync(w, scope, ["bash"], cpus: 8, cores: 4);
        var config = await TrackingAsync(w, scope, LicenseCountingType.Core, disassociate: true);

        await w.Associations.UpdateLicenseSpecificationsForResourceAsync(scope, server.Arn, [new LicenseSpecification(config.Arn)], null, None);
        await w.Job.RunOnceAsync(None);

        var association = Assert.Single((await w.Associations.ListAssociationsForLicenseConfigurationAsync(scope, config.Arn, null, null, None)).Items);
        Assert.Equal(AssociationOrigin.Manual, association.Origin);
        var usage = Assert.Single((await w.Associations.ListUsageForLicenseConfigurationAsync(scope, config.Arn, null, null, null, None)).Items);
        Assert.Equal((server.Arn, 4L, LicenseResourceType.SystemsManagerManagedInstance), (usage.ResourceArn, usage.Consumed, usage.ResourceType));
        Assert.Equal([config.Arn],
            (await w.Associations.ListLicenseSpecificationsForResourceAsync(scope, server.Arn, null, null, None)).Items.Select(s => s.LicenseConfigurationArn));
    }

    [Fact]
    public async Task The_job_reads_are_scoped_and_paged()
    {
        var scope = NewScope();
        var other = NewScope();
        var w = WorldOver(Storage);
        var server = await RegisterAsync(w, scope, [Package], cpus: 2);
        var mine = await TrackingAsync(w, scope, LicenseCountingType.Instance);
        var theirs = await TrackingAsync(w, other, LicenseCountingType.Instance);
        await w.Associations.UpdateLicenseSpecificationsForResourceAsync(scope, server.Arn, [new LicenseSpecification(mine.Arn)], null, None);

        Assert.Equal([mine.Id], (await Storage.Licensing.AssociationsOfResourcesAsync(scope, [server.Arn], None)).Select(a => a.LicenseConfigurationId));
        Assert.Empty(await Storage.Licensing.AssociationsOfResourcesAsync(other, [server.Arn], None));

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Storage.Licensing.ScanConfigurationsAsync(cursor, 1, None);
            Assert.True(page.Items.Count <= 1);
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Contains(mine.Id, seen);
        Assert.Contains(theirs.Id, seen);

        var states = new List<ManagedServerAssociation>();
        cursor = null;
        do
        {
            var page = await Storage.Licensing.ScanManagedServerAssociationsAsync(cursor, 1, None);
            states.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        var state = Assert.Single(states, s => s.Association.ResourceArn == server.Arn);
        Assert.Equal((server.Id, 1L), (state.Server!.Id, state.Consumed ?? -1));
        Assert.Equal(new ServerProcessors(1, 1, 2), state.Server.Processors);

        await Storage.Licensing.SetDiscoveryLastRunTimeAsync(other, [theirs.Id], T0, None);
        Assert.Equal(T0, (await Storage.LicenseConfigurations.FindAsync(other, theirs.Id, None))!.DiscoveryLastRunTime);
        Assert.Null((await Storage.LicenseConfigurations.FindAsync(scope, mine.Id, None))!.DiscoveryLastRunTime);
    }

    private async Task<LicensedServer> RegisterAsync(World w, Scope scope, IReadOnlyList<string> applications, int cpus, int? cores = null)
    {
        var activation = await w.Inventory.CreateActivationAsync(new InventoryCaller(scope, null), new CreateActivationCommand { IamRole = "r" }, None);
        var registration = await w.Inventory.RegisterAsync(new RegisterCommand
        {
            Region = scope.Region,
            ActivationId = activation.Activation.Id,
            ActivationCode = activation.ActivationCode,
            Facts = new Core.Inventory.HostFacts { ComputerName = "host", PlatformName = "Debian GNU/Linux", PlatformType = "Linux" },
        }, None);
        var id = registration.Instance.Id;
        var detailed = Item(InventoryTypes.InstanceDetailedInformation, "1.0", [new Dictionary<string, string>
        {
            ["CPUs"] = cpus.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CPUCores"] = (cores ?? cpus / 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CPUSockets"] = "1",
        }]);
        await w.Inventory.PutInventoryAsync(new InventoryCaller(scope, id), id, [Applications(applications), detailed], None);
        return new LicensedServer(id, scope.AccountId, scope.Region, _clock.GetUtcNow(), null);
    }

    private static Task<LicenseConfiguration> TrackingAsync(World w, Scope scope, LicenseCountingType type, bool disassociate = false) =>
        w.Configurations.CreateAsync(scope, new CreateLicenseConfigurationCommand
        {
            Name = "postgres",
            CountingType = type,
            DisassociateWhenNotFound = disassociate,
            ProductInformationList = [new ProductInformation("SSM_MANAGED", [new ProductInformationFilter("Application Name", [Package], "EQUALS")])],
        }, None);

    private static InventoryItem Applications(IReadOnlyList<string> names) =>
        Item(InventoryTypes.Application, "1.1", [.. names.Select(n => new Dictionary<string, string> { ["Name"] = n, ["Version"] = "1" })]);

    private static InventoryItem Item(string type, string schema, IReadOnlyList<Dictionary<string, string>> content) => new()
    {
        TypeName = type,
        SchemaVersion = schema,
        CaptureTime = "2025-03-14T15:00:00Z",
        ContentHash = string.Empty,
        Content = [.. content],
    };

    /// <summary>The domain clock, moved by the test (days pass for freshness).</summary>
    private sealed class MovableClock : TimeProvider
    {
        private DateTimeOffset _now = T0;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

/// <summary>Discovery on SQLite.</summary>
public sealed class SqliteDiscoveryContractTests(TempDirectory directory) : DiscoveryContractTests, IClassFixture<TempDirectory>
{
    protected override Task<string> ClassDatabaseAsync() => Task.FromResult(directory.Path);

    protected override ILicentiaStorage Open(string location) => SqliteStorage.Open(location);
}

/// <summary>Discovery on PostgreSQL, where several nodes share the database and only one runs the job at a time.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresDiscoveryContractTests(PostgresTestServer server) : DiscoveryContractTests
{
    protected override Task<string> ClassDatabaseAsync() => server.DatabaseAsync(nameof(PostgresDiscoveryContractTests));

    protected override ILicentiaStorage Open(string location) => PostgresStorage.Open(location);

    [Fact]
    public async Task While_one_node_holds_the_job_lock_another_nodes_run_is_skipped()
    {
        var other = OpenTracked();
        var job = new DiscoveryJob(other.Licensing, other.Inventory, other.Compute, other.LicenseConfigurations,
            new LicenseAssociationManager(other.Licensing, other.LicenseConfigurations, new LicensingQuotas(), TimeProvider.System), TimeProvider.System);

        await using (var held = await Storage.Licensing.TryAcquireJobLockAsync(DiscoveryJob.JobName, None))
        {
            Assert.NotNull(held);
            Assert.False((await job.RunOnceAsync(None)).Ran);
        }

        Assert.True((await job.RunOnceAsync(None)).Ran);
    }
}
