using Licentia.Core.Compute;
using Licentia.Core.Errors;
using Licentia.Core.Inventory;
using Licentia.Core.Inventory.Discovery;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using Licentia.Core.Tests.Compute;
using Licentia.Core.Tests.Fakes;
using static Licentia.Core.Tests.Compute.ComputeFixture;

namespace Licentia.Core.Tests.Inventory;

/// <summary>
/// Automated discovery and managed servers as licensed resources, through the job and the association manager over
/// in-memory stores: discovery associates and consumes, removes only its own associations when told to, leaves
/// manual ones alone, stops counting inactive servers and releases deregistered ones.
/// </summary>
public class DiscoveryJobTests
{
    private const string Oracle = "Oracle Database";

    private readonly ComputeFixture _f = new();
    private readonly InMemoryServerInventory _inventory = new();
    private readonly DiscoveryJob _job;

    public DiscoveryJobTests() =>
        _job = new DiscoveryJob(_f.World, _inventory, _f.World, _f.ConfigurationStore, _f.Associations, _f.Time, new DiscoveryOptions { BatchSize = 2 });

    [Fact]
    public async Task A_matching_server_is_associated_by_discovery_and_consumes_its_vcpus()
    {
        var config = await TrackingAsync(LicenseCountingType.VCpu);
        var server = Server("mi-00000000000000001", [Oracle], cpus: 8);
        Server("mi-00000000000000002", ["nginx"], cpus: 4);

        var result = await _job.RunOnceAsync(Ct);

        Assert.Equal(1, result.Associated);
        var association = Assert.Single(_f.World.Associations);
        Assert.Equal((server.Arn, AssociationOrigin.Discovery, LicenseResourceType.SystemsManagerManagedInstance),
            (association.ResourceArn, association.Origin, association.ResourceType));
        Assert.Equal(8, await _f.ConsumedAsync(config));
        Assert.Equal(_f.Time.GetUtcNow(), (await _f.ReloadAsync(config)).DiscoveryLastRunTime);

        // A second run finds nothing to do.
        Assert.Equal(new DiscoveryRunResult(true, 0, 0, 0, 0), await _job.RunOnceAsync(Ct));
    }

    [Fact]
    public async Task Servers_are_read_in_pages_and_every_match_is_associated()
    {
        var config = await TrackingAsync(LicenseCountingType.Instance);
        for (var i = 1; i <= 5; i++)
        {
            Server($"mi-0000000000000000{i}", [Oracle]);
        }

        await _job.RunOnceAsync(Ct);

        Assert.Equal(5, await _f.ConsumedAsync(config));
    }

    [Fact]
    public async Task A_hard_limit_refusal_is_recorded_once_and_leaves_nothing_behind()
    {
        var config = await TrackingAsync(LicenseCountingType.VCpu, count: 10, hard: true);
        Server("mi-00000000000000001", [Oracle], cpus: 8);
        Server("mi-00000000000000002", [Oracle], cpus: 8);

        var first = await _job.RunOnceAsync(Ct);
        var second = await _job.RunOnceAsync(Ct);

        Assert.Equal((1, 1), (first.Associated, first.Failed));
        Assert.Equal((0, 1), (second.Associated, second.Failed));
        Assert.Equal(8, await _f.ConsumedAsync(config));
        Assert.Single(_f.World.Associations);
        var failure = Assert.Single(_f.World.Failures);
        Assert.Equal("AutomatedDiscovery", failure.OperationName);
        Assert.Contains("hard limit of 10", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_soft_limit_lets_discovery_consume_and_records_an_alert()
    {
        var config = await TrackingAsync(LicenseCountingType.Core, count: 4);
        Server("mi-00000000000000001", [Oracle], cores: 6);

        await _job.RunOnceAsync(Ct);

        Assert.Equal(6, await _f.ConsumedAsync(config));
        Assert.True((await _f.ReloadAsync(config)).UsageLimitExceeded);
        Assert.Equal(FailureMetadataNames.SoftLimitExceeded, Assert.Single(Assert.Single(_f.World.Failures).Metadata).Value);
    }

    [Fact]
    public async Task When_the_software_goes_discovery_removes_its_association_only_with_DisassociateWhenNotFound()
    {
        var keeps = await TrackingAsync(LicenseCountingType.Instance, name: "keeps");
        var drops = await TrackingAsync(LicenseCountingType.Instance, name: "drops", disassociate: true);
        Server("mi-00000000000000001", [Oracle]);
        await _job.RunOnceAsync(Ct);
        Assert.Equal(2, _f.World.Associations.Count);

        Server("mi-00000000000000001", ["nginx"]);
        var result = await _job.RunOnceAsync(Ct);

        Assert.Equal(1, result.Disassociated);
        Assert.Equal(keeps.Id, Assert.Single(_f.World.Associations).LicenseConfigurationId);
        Assert.Equal(1, await _f.ConsumedAsync(keeps));
        Assert.Equal(0, await _f.ConsumedAsync(drops));
    }

    [Fact]
    public async Task A_manual_association_is_never_removed_by_discovery()
    {
        var config = await TrackingAsync(LicenseCountingType.Instance, disassociate: true);
        var server = Server("mi-00000000000000001", ["nginx"]);
        await _f.Associations.UpdateLicenseSpecificationsForResourceAsync(Home, server.Arn, [new LicenseSpecification(config.Arn)], null, Ct);

        await _job.RunOnceAsync(Ct);

        Assert.Equal(AssociationOrigin.Manual, Assert.Single(_f.World.Associations).Origin);
        Assert.Equal(1, await _f.ConsumedAsync(config));
    }

    [Fact]
    public async Task An_association_made_by_discovery_cannot_be_removed_by_hand()
    {
        var config = await TrackingAsync(LicenseCountingType.Instance);
        var server = Server("mi-00000000000000001", [Oracle]);
        await _job.RunOnceAsync(Ct);

        var refused = await Assert.ThrowsAsync<InvalidParameterValueException>(() =>
            _f.Associations.UpdateLicenseSpecificationsForResourceAsync(Home, server.Arn, null, [new LicenseSpecification(config.Arn)], Ct));

        Assert.Contains("automated discovery", refused.Message, StringComparison.Ordinal);
        Assert.Contains("DisassociateWhenNotFound", refused.Message, StringComparison.Ordinal);
        Assert.Single(_f.World.Associations);
    }

    [Fact]
    public async Task Removing_the_product_information_with_DisassociateWhenNotFound_drops_what_discovery_added()
    {
        var config = await TrackingAsync(LicenseCountingType.Instance, disassociate: true);
        Server("mi-00000000000000001", [Oracle]);
        await _job.RunOnceAsync(Ct);

        await _f.Configurations.UpdateAsync(Home, new UpdateLicenseConfigurationCommand { LicenseConfigurationArn = config.Arn, ProductInformationList = [] }, Ct);
        await _job.RunOnceAsync(Ct);

        Assert.Empty(_f.World.Associations);
        Assert.Equal(0, await _f.ConsumedAsync(config));
    }

    [Fact]
    public async Task An_inactive_server_stops_consuming_and_consumes_again_after_a_report()
    {
        var config = await TrackingAsync(LicenseCountingType.VCpu);
        Server("mi-00000000000000001", [Oracle], cpus: 4);
        await _job.RunOnceAsync(Ct);
        Assert.Equal(4, await _f.ConsumedAsync(config));

        _f.Time.Advance(TimeSpan.FromDays(31));
        var idle = await _job.RunOnceAsync(Ct);

        Assert.Equal(1, idle.Replanned);
        Assert.Equal(0, await _f.ConsumedAsync(config));
        Assert.Single(_f.World.Associations);

        Server("mi-00000000000000001", [Oracle], cpus: 4);
        await _job.RunOnceAsync(Ct);
        Assert.Equal(4, await _f.ConsumedAsync(config));
    }

    [Fact]
    public async Task A_server_without_processor_figures_is_associated_and_counted_once_they_arrive()
    {
        var config = await TrackingAsync(LicenseCountingType.Socket);
        Server("mi-00000000000000001", [Oracle], sockets: null);
        await _job.RunOnceAsync(Ct);
        Assert.Single(_f.World.Associations);
        Assert.Equal(0, await _f.ConsumedAsync(config));

        Server("mi-00000000000000001", [Oracle], sockets: 2);
        var result = await _job.RunOnceAsync(Ct);

        Assert.Equal(1, result.Replanned);
        Assert.Equal(2, await _f.ConsumedAsync(config));
    }

    [Fact]
    public async Task A_deregistered_server_releases_everything_at_once()
    {
        var config = await TrackingAsync(LicenseCountingType.VCpu);
        var server = Server("mi-00000000000000001", [Oracle], cpus: 4);
        await _job.RunOnceAsync(Ct);

        _f.World.RemoveServer(server);
        _inventory.Remove(server.Id);
        Assert.Equal(1, await _f.Associations.ReleaseManagedServerAsync(Home, server.Id, Ct));

        Assert.Empty(_f.World.Associations);
        Assert.Equal(0, await _f.ConsumedAsync(config));
    }

    [Fact]
    public async Task The_job_removes_associations_of_servers_that_are_gone()
    {
        var config = await TrackingAsync(LicenseCountingType.VCpu);
        var server = Server("mi-00000000000000001", [Oracle], cpus: 4);
        await _job.RunOnceAsync(Ct);

        _f.World.RemoveServer(server);
        _inventory.Remove(server.Id);
        await _job.RunOnceAsync(Ct);

        Assert.Empty(_f.World.Associations);
        Assert.Equal(0, await _f.ConsumedAsync(config));
    }

    [Fact]
    public async Task A_manual_association_of_a_server_consumes_and_a_hard_limit_refuses_it_writing_nothing()
    {
        var config = await _f.ConfigurationAsync(LicenseCountingType.Core, count: 10, hard: true);
        var small = Server("mi-00000000000000001", [], cores: 8);
        var large = Server("mi-00000000000000002", [], cores: 8);

        await _f.Associations.UpdateLicenseSpecificationsForResourceAsync(Home, small.Arn, [new LicenseSpecification(config.Arn)], null, Ct);
        var refused = await Assert.ThrowsAsync<LicenseUsageException>(() =>
            _f.Associations.UpdateLicenseSpecificationsForResourceAsync(Home, large.Arn, [new LicenseSpecification(config.Arn)], null, Ct));

        Assert.Contains("hard limit of 10", refused.Message, StringComparison.Ordinal);
        Assert.Equal(small.Arn, Assert.Single(_f.World.Associations).ResourceArn);
        Assert.Equal(8, await _f.ConsumedAsync(config));
        Assert.Equal("UpdateLicenseSpecificationsForResource", Assert.Single(_f.World.Failures).OperationName);

        await _f.Associations.UpdateLicenseSpecificationsForResourceAsync(Home, small.Arn, null, [new LicenseSpecification(config.Arn)], Ct);
        Assert.Equal(0, await _f.ConsumedAsync(config));
    }

    [Fact]
    public async Task An_unknown_server_arn_is_refused()
    {
        var config = await _f.ConfigurationAsync(LicenseCountingType.Instance);

        var refused = await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Associations.UpdateLicenseSpecificationsForResourceAsync(
            Home, "arn:aws:ssm:us-east-1:111111111111:managed-instance/mi-0000000000000dead", [new LicenseSpecification(config.Arn)], null, Ct));

        Assert.Contains("no managed server", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ec2_instance_matches_on_platform_and_license_included_software()
    {
        var windows = await _f.ConfigurationAsync(LicenseCountingType.Instance);
        windows = await _f.Configurations.UpdateAsync(Home, new UpdateLicenseConfigurationCommand
        {
            LicenseConfigurationArn = windows.Arn,
            ProductInformationList = [new ProductInformation("SSM_MANAGED", [new ProductInformationFilter("Platform Type", ["Linux"], "EQUALS")])],
        }, Ct);
        var image = await _f.ImageAsync();
        var instance = await _f.RunAsync(image);

        await _job.RunOnceAsync(Ct);

        var association = Assert.Single(_f.World.Associations);
        Assert.Equal((instance.Arn, AssociationOrigin.Discovery), (association.ResourceArn, association.Origin));
        Assert.Equal(1, await _f.ConsumedAsync(windows));
        Assert.Equal([windows.Arn], _f.World.Instances.Single().Licenses);
    }

    private async Task<LicenseConfiguration> TrackingAsync(
        LicenseCountingType type, long? count = null, bool hard = false, string name = "oracle", bool disassociate = false) =>
        await _f.Configurations.CreateAsync(Home, new CreateLicenseConfigurationCommand
        {
            Name = name,
            CountingType = type,
            LicenseCount = count,
            LicenseCountHardLimit = hard,
            DisassociateWhenNotFound = disassociate,
            ProductInformationList = [new ProductInformation("SSM_MANAGED", [new ProductInformationFilter("Application Name", [Oracle], "EQUALS")])],
        }, Ct);

    /// <summary>A server that reports now: in the inventory (for matching) and as licensing sees it.</summary>
    private LicensedServer Server(string id, IReadOnlyList<string> applications, int? cpus = 4, int? cores = 2, int? sockets = 1)
    {
        var now = _f.Time.GetUtcNow();
        var instance = new ManagedInstance
        {
            Id = id, AccountId = Home.AccountId, Region = Home.Region, ActivationId = "a", IamRole = "r", RegisteredAt = now, LastPingAt = now,
            Facts = new Core.Inventory.HostFacts { PlatformName = "Debian GNU/Linux", PlatformType = "Linux" },
        };
        var apps = new InventoryItem
        {
            TypeName = InventoryTypes.Application, SchemaVersion = "1.1", CaptureTime = "2025-01-15T10:00:00Z", ContentHash = "h",
            Content = [.. applications.Select(a => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["Name"] = a })],
        };
        _inventory.Put(new InstanceInventory(instance, [apps]));
        var server = new LicensedServer(id, Home.AccountId, Home.Region, now, new ServerProcessors(sockets, cores, cpus));
        _f.World.PutServer(server);
        return server;
    }
}
