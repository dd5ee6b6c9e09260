using Licentia.Core.Compute;
using Licentia.Core.Compute.Errors;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using static Licentia.Core.Tests.Compute.ComputeFixture;

namespace Licentia.Core.Tests.Compute;

/// <summary>Every counting rule through the managers, over in-memory stores.</summary>
public class LicenseCountingTests
{
    [Fact]
    public async Task VCpu_counting_counts_the_instance_types_vcpus()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.VCpu, 100);
        var image = await f.ImageAsync(associated: config);

        await f.RunAsync(image, "m5.xlarge");
        await f.RunAsync(image, "m5.4xlarge");

        Assert.Equal(20, await f.ConsumedAsync(config));
        var consumption = await f.Associations.GetConsumptionAsync(Home, config.Arn, Ct);
        Assert.Equal([new ResourceTypeCount(LicenseResourceType.Ec2Instance, 20)], consumption.ConsumedLicenseSummaryList);
        Assert.Equal(
            [new ResourceTypeCount(LicenseResourceType.Ec2Instance, 2), new ResourceTypeCount(LicenseResourceType.Ec2Ami, 1)],
            consumption.ManagedResourceSummaryList);
    }

    [Fact]
    public async Task VCpu_optimization_counts_cpu_options_only_when_the_rule_honors_it()
    {
        var f = new ComputeFixture();
        var plain = await f.ConfigurationAsync(LicenseCountingType.VCpu);
        var honoring = await f.ConfigurationAsync(LicenseCountingType.VCpu, rules: "#honorVcpuOptimization=True");
        var image = await f.ImageAsync(associated: [plain, honoring]);

        await f.RunAsync(image, "m5.4xlarge", cpuOptions: new CpuOptions(4, 1));

        Assert.Equal(16, await f.ConsumedAsync(plain));
        Assert.Equal(4, await f.ConsumedAsync(honoring));
    }

    [Fact]
    public async Task Instance_counting_counts_one_per_instance()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.Instance);
        var image = await f.ImageAsync(associated: config);

        await f.Compute.RunInstancesAsync(Home, new RunInstancesCommand { ImageId = image, InstanceType = "c5.9xlarge", MinCount = 3, MaxCount = 3 }, Ct);

        Assert.Equal(3, await f.ConsumedAsync(config));
    }

    [Theory]
    [InlineData(LicenseCountingType.Core, 48)]
    [InlineData(LicenseCountingType.Socket, 2)]
    public async Task Core_and_socket_counting_count_the_host_once_however_many_instances(LicenseCountingType type, long perHost)
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(type, rules: "#allowedTenancy=EC2-DedicatedHost");
        var image = await f.ImageAsync(associated: config);
        var host = await f.HostAsync("m5");
        var other = await f.HostAsync("m5");

        await f.RunAsync(image, "m5.large", OnHost(host));
        await f.RunAsync(image, "m5.xlarge", OnHost(host));
        Assert.Equal(perHost, await f.ConsumedAsync(config));

        await f.RunAsync(image, "m5.large", OnHost(other));
        Assert.Equal(2 * perHost, await f.ConsumedAsync(config));
        var usage = await f.Associations.ListUsageForLicenseConfigurationAsync(
            Home, config.Arn, [new ListFilter("resourceType", ["EC2_HOST"])], null, null, Ct);
        Assert.Equal(2, usage.Items.Count);
        Assert.All(usage.Items, u => Assert.Equal(perHost, u.Consumed));
    }

    [Fact]
    public async Task Core_counting_refuses_an_instance_that_is_not_on_a_dedicated_host()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.Core);
        var image = await f.ImageAsync(associated: config);

        var error = await Assert.ThrowsAsync<InvalidParameterValue>(() => f.RunAsync(image));

        Assert.Contains("Dedicated Host", error.Message, StringComparison.Ordinal);
        Assert.Empty(f.World.Instances);
    }

    [Theory]
    [InlineData("#minimumVcpus=8", "m5.xlarge", false)]
    [InlineData("#minimumVcpus=4", "m5.xlarge", true)]
    [InlineData("#maximumVcpus=2", "m5.xlarge", false)]
    [InlineData("#maximumVcpus=4", "m5.xlarge", true)]
    public async Task Minimum_and_maximum_vcpus_refuse_a_launch_outside_them(string rule, string type, bool allowed)
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.VCpu, rules: rule);
        var image = await f.ImageAsync(associated: config);

        if (allowed)
        {
            await f.RunAsync(image, type);
            Assert.Equal(4, await f.ConsumedAsync(config));
        }
        else
        {
            var error = await Assert.ThrowsAsync<InvalidParameterValue>(() => f.RunAsync(image, type));
            Assert.Contains(config.Arn, error.Message, StringComparison.Ordinal);
            Assert.Empty(f.World.Instances);
            Assert.Single(f.World.Failures);
        }
    }

    [Fact]
    public async Task Minimum_and_maximum_cores_apply_to_the_instances_cores_while_the_host_is_counted()
    {
        // The guide's example: cores counted, #minimumCores=8, #maximumCores=16 on Dedicated Hosts of 48 cores.
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.Core, 96, hard: true,
            rules: ["#minimumCores=8", "#maximumCores=16", "#allowedTenancy=EC2-DedicatedHost"]);
        var image = await f.ImageAsync(associated: config);
        var host = await f.HostAsync("c5");

        await f.RunAsync(image, "c5.4xlarge", OnHost(host));        // 8 cores
        await f.RunAsync(image, "c5.9xlarge", OnHost(host), new CpuOptions(16, 2)); // 16 cores by CPU options
        var tooBig = await Assert.ThrowsAsync<InvalidParameterValue>(() => f.RunAsync(image, "c5.9xlarge", OnHost(host))); // 18 cores
        var tooSmall = await Assert.ThrowsAsync<InvalidParameterValue>(() => f.RunAsync(image, "c5.2xlarge", OnHost(host))); // 4 cores

        Assert.Contains("at most 16 cores and the resource has 18", tooBig.Message, StringComparison.Ordinal);
        Assert.Contains("at least 8 cores and the resource has 4", tooSmall.Message, StringComparison.Ordinal);
        Assert.Equal(48, await f.ConsumedAsync(config));
    }

    [Fact]
    public async Task Minimum_cores_of_a_host_association_apply_to_the_hosts_cores()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.Core, rules: "#minimumCores=64");
        var m5Host = await f.HostAsync("m5");
        var m6iHost = await f.HostAsync("m6i");

        await Assert.ThrowsAsync<LicenseUsageException>(() => f.Associations.UpdateLicenseSpecificationsForResourceAsync(
            Home, Ec2Ids.HostArn(Home, m5Host), [new LicenseSpecification(config.Arn)], null, Ct));
        await f.Associations.UpdateLicenseSpecificationsForResourceAsync(
            Home, Ec2Ids.HostArn(Home, m6iHost), [new LicenseSpecification(config.Arn)], null, Ct);

        Assert.Equal(64, await f.ConsumedAsync(config));
    }

    [Fact]
    public async Task Allowed_tenancy_refuses_other_tenancies()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.VCpu, rules: "#allowedTenancy=EC2-DedicatedInstance");
        var image = await f.ImageAsync(associated: config);

        var error = await Assert.ThrowsAsync<InvalidParameterValue>(() => f.RunAsync(image));
        await f.RunAsync(image, placement: new Placement { Tenancy = Tenancy.Dedicated });

        Assert.Contains("EC2-Default", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, await f.ConsumedAsync(config));
    }

    [Fact]
    public async Task A_hard_limit_refuses_the_launch_names_the_shortfall_changes_nothing_and_records_the_failure()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.VCpu, 6, hard: true);
        var image = await f.ImageAsync(associated: config);
        await f.RunAsync(image, "m5.xlarge");

        var error = await Assert.ThrowsAsync<LicenseLimitExceeded>(() => f.RunAsync(image, "m5.xlarge"));

        Assert.Contains(config.Arn, error.Message, StringComparison.Ordinal);
        Assert.Contains("4 are in use and this needs 4, 2 more than the 2 available", error.Message, StringComparison.Ordinal);
        Assert.Single(f.World.Instances);
        Assert.Equal(4, await f.ConsumedAsync(config));
        var failure = Assert.Single((await f.Associations.ListFailuresForLicenseConfigurationOperationsAsync(Home, config.Arn, null, null, Ct)).Items);
        Assert.Equal("RunInstances", failure.OperationName);
        Assert.Equal(Home.AccountId, failure.OperationRequestedBy);
        Assert.Equal(LicenseResourceType.Ec2Instance, failure.ResourceType);
        Assert.Equal(error.Message, failure.ErrorMessage);
        Assert.Contains(new FailureMetadata(FailureMetadataNames.Outcome, FailureMetadataNames.Refused), failure.Metadata);
        Assert.False((await f.ReloadAsync(config)).UsageLimitExceeded);
    }

    [Fact]
    public async Task A_soft_limit_allows_the_launch_marks_the_configuration_and_keeps_an_alert()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.Instance, 1);
        var image = await f.ImageAsync(associated: config);
        await f.RunAsync(image);

        var second = await f.RunAsync(image);

        Assert.Equal(2, await f.ConsumedAsync(config));
        Assert.True((await f.ReloadAsync(config)).UsageLimitExceeded);
        var listed = await f.Configurations.ListAsync(Home, new ListLicenseConfigurationsCommand
        {
            Filters = [new ListFilter(LicenseConfigurationFilters.UsageLimitExceeded, ["true"])],
        }, Ct);
        Assert.Equal([config.Id], listed.Items.Select(c => c.Id));
        var alert = Assert.Single(f.World.Failures);
        Assert.Contains(new FailureMetadata(FailureMetadataNames.Outcome, FailureMetadataNames.SoftLimitExceeded), alert.Metadata);
        Assert.Equal(second.Arn, alert.ResourceArn);

        await f.Compute.StopInstancesAsync(Home, [second.Id], false, Ct);
        Assert.False((await f.ReloadAsync(config)).UsageLimitExceeded);
    }

    [Fact]
    public async Task Several_configurations_are_all_consumed_and_one_refusal_refuses_the_whole_launch()
    {
        var f = new ComputeFixture();
        var vcpus = await f.ConfigurationAsync(LicenseCountingType.VCpu, 100, hard: true);
        var instances = await f.ConfigurationAsync(LicenseCountingType.Instance, 1, hard: true);
        var image = await f.ImageAsync(associated: [vcpus, instances]);
        await f.RunAsync(image);

        await Assert.ThrowsAsync<LicenseLimitExceeded>(() => f.RunAsync(image));

        Assert.Equal(4, await f.ConsumedAsync(vcpus));
        Assert.Equal(1, await f.ConsumedAsync(instances));
        Assert.Single(f.World.Instances);
    }

    [Fact]
    public async Task MinCount_and_MaxCount_launch_as_many_as_the_hard_limit_allows()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.Instance, 3, hard: true);
        var image = await f.ImageAsync(associated: config);

        var result = await f.Compute.RunInstancesAsync(Home, new RunInstancesCommand { ImageId = image, MinCount = 2, MaxCount = 5 }, Ct);
        Assert.Equal(3, result.Instances.Count);
        Assert.All(result.Instances, i => Assert.Equal(InstanceState.Pending, i.State));

        await Assert.ThrowsAsync<LicenseLimitExceeded>(() =>
            f.Compute.RunInstancesAsync(Home, new RunInstancesCommand { ImageId = image, MinCount = 1, MaxCount = 2 }, Ct));
        Assert.Equal(3, f.World.Instances.Count);
    }

    [Fact]
    public async Task A_disabled_configuration_refuses_explicit_launches_and_stops_tracking_inherited_ones()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.VCpu);
        var image = await f.ImageAsync(associated: config);
        await f.Configurations.UpdateAsync(Home, new UpdateLicenseConfigurationCommand
        {
            LicenseConfigurationArn = config.Arn,
            Status = LicenseConfigurationStatus.Disabled,
        }, Ct);
        var plainImage = await f.ImageAsync(name: "plain");

        await Assert.ThrowsAsync<InvalidParameterValue>(() => f.RunAsync(plainImage, licenses: config));
        var launched = await f.RunAsync(image);

        Assert.Empty(launched.Licenses);
        Assert.Equal(0, await f.ConsumedAsync(config));
    }

    [Fact]
    public async Task Stop_releases_start_consumes_again_and_terminate_releases_for_good()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.VCpu, 4, hard: true);
        var image = await f.ImageAsync(associated: config);
        var instance = await f.RunAsync(image);

        var stop = await f.Compute.StopInstancesAsync(Home, [instance.Id], false, Ct);
        Assert.Equal([new InstanceStateChange(instance.Id, InstanceState.Running, InstanceState.Stopping)], stop);
        Assert.Equal(0, await f.ConsumedAsync(config));

        // The licenses are free: another instance takes them, so the stopped one cannot start.
        var other = await f.RunAsync(image);
        await Assert.ThrowsAsync<LicenseLimitExceeded>(() => f.Compute.StartInstancesAsync(Home, [instance.Id], false, Ct));
        Assert.Equal(InstanceState.Stopped, (await f.World.FindInstanceAsync(Home, instance.Id, Ct))!.State);

        await f.Compute.TerminateInstancesAsync(Home, [other.Id], false, Ct);
        var start = await f.Compute.StartInstancesAsync(Home, [instance.Id], false, Ct);
        Assert.Equal([new InstanceStateChange(instance.Id, InstanceState.Stopped, InstanceState.Pending)], start);
        Assert.Equal(4, await f.ConsumedAsync(config));

        await f.Compute.TerminateInstancesAsync(Home, [instance.Id], false, Ct);
        Assert.Equal(0, await f.ConsumedAsync(config));
        await Assert.ThrowsAsync<IncorrectInstanceState>(() => f.Compute.StopInstancesAsync(Home, [instance.Id], false, Ct));
        await Assert.ThrowsAsync<IncorrectInstanceState>(() => f.Compute.StartInstancesAsync(Home, [instance.Id], false, Ct));
        Assert.Equal(
            [new InstanceStateChange(instance.Id, InstanceState.Terminated, InstanceState.Terminated)],
            await f.Compute.TerminateInstancesAsync(Home, [instance.Id], false, Ct));
        Assert.Equal([LicenseResourceType.Ec2Ami], (await f.Associations.GetConsumptionAsync(Home, config.Arn, Ct)).ManagedResourceSummaryList.Select(s => s.ResourceType));
    }

    [Fact]
    public async Task A_host_keeps_its_licenses_for_the_affinity_period_after_its_last_instance_leaves()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.Core, 48, hard: true, rules: "#licenseAffinityToHost=90");
        var image = await f.ImageAsync(associated: config);
        var first = await f.HostAsync("m5");
        var second = await f.HostAsync("m5");
        var instance = await f.RunAsync(image, "m5.large", OnHost(first));

        await f.Compute.TerminateInstancesAsync(Home, [instance.Id], false, Ct);
        Assert.Equal(48, await f.ConsumedAsync(config));

        // Within the period the licenses stay with the first host: another host cannot have them ...
        await Assert.ThrowsAsync<LicenseLimitExceeded>(() => f.RunAsync(image, "m5.large", OnHost(second)));
        // ... but the first host can use them again.
        var back = await f.RunAsync(image, "m5.large", OnHost(first));
        await f.Compute.TerminateInstancesAsync(Home, [back.Id], false, Ct);

        f.Time.Advance(TimeSpan.FromDays(89));
        Assert.Equal(48, await f.ConsumedAsync(config));
        f.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await f.ConsumedAsync(config));
        await f.RunAsync(image, "m5.large", OnHost(second));
        Assert.Equal(48, await f.ConsumedAsync(config));
    }

    [Fact]
    public async Task Without_affinity_a_host_returns_its_licenses_when_its_last_instance_leaves()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.Socket, 2, hard: true);
        var image = await f.ImageAsync(associated: config);
        var host = await f.HostAsync("m5");
        var a = await f.RunAsync(image, "m5.large", OnHost(host));
        var b = await f.RunAsync(image, "m5.large", OnHost(host));

        await f.Compute.StopInstancesAsync(Home, [a.Id], false, Ct);
        Assert.Equal(2, await f.ConsumedAsync(config));
        await f.Compute.StopInstancesAsync(Home, [b.Id], false, Ct);
        Assert.Equal(0, await f.ConsumedAsync(config));
    }

    [Fact]
    public async Task DryRun_checks_everything_and_changes_nothing()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.VCpu, 4, hard: true);
        var image = await f.ImageAsync(associated: config);

        await Assert.ThrowsAsync<DryRunOperation>(() => f.Compute.RunInstancesAsync(Home, new RunInstancesCommand { ImageId = image, DryRun = true }, Ct));
        Assert.Empty(f.World.Instances);
        Assert.Equal(0, await f.ConsumedAsync(config));

        await Assert.ThrowsAsync<LicenseLimitExceeded>(() =>
            f.Compute.RunInstancesAsync(Home, new RunInstancesCommand { ImageId = image, InstanceType = "m5.2xlarge", DryRun = true }, Ct));
        Assert.Empty(f.World.Failures);
    }

    [Fact]
    public async Task A_cross_account_ami_association_applies_to_launches_by_accounts_it_is_shared_with()
    {
        var f = new ComputeFixture();
        var mine = await f.ConfigurationAsync(LicenseCountingType.Instance);
        var crossAccount = await f.ConfigurationAsync(LicenseCountingType.Instance);
        var image = await f.Compute.RegisterImageAsync(Home, new RegisterImageCommand { Name = "shared" }, Ct);
        await f.Associations.UpdateLicenseSpecificationsForResourceAsync(
            Home, image.Arn, [new LicenseSpecification(mine.Arn), new LicenseSpecification(crossAccount.Arn, AmiAssociationScopes.CrossAccount)], null, Ct);
        await f.Compute.ModifyImageLaunchPermissionAsync(Home, new ModifyImageLaunchPermissionCommand { ImageId = image.Id, AddAccounts = [Other.AccountId] }, Ct);

        var theirs = await f.RunAsync(image.Id, scope: Other);

        Assert.Equal([crossAccount.Arn], theirs.Licenses);
        Assert.Equal(0, await f.ConsumedAsync(mine));
        Assert.Equal(1, await f.ConsumedAsync(crossAccount));
        var usage = Assert.Single((await f.Associations.ListUsageForLicenseConfigurationAsync(Home, crossAccount.Arn, null, null, null, Ct)).Items);
        Assert.Equal(Other.AccountId, usage.ResourceOwnerId);
    }

    [Fact]
    public async Task Adding_a_configuration_to_a_running_instance_consumes_and_a_hard_limit_refuses_it()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.VCpu, 6, hard: true);
        var image = await f.ImageAsync();
        var a = await f.RunAsync(image);
        var b = await f.RunAsync(image);

        await f.Associations.UpdateLicenseSpecificationsForResourceAsync(Home, a.Arn, [new LicenseSpecification(config.Arn)], null, Ct);
        Assert.Equal(4, await f.ConsumedAsync(config));
        var error = await Assert.ThrowsAsync<LicenseUsageException>(() =>
            f.Associations.UpdateLicenseSpecificationsForResourceAsync(Home, b.Arn, [new LicenseSpecification(config.Arn)], null, Ct));

        Assert.Contains("hard limit of 6", error.Message, StringComparison.Ordinal);
        Assert.Empty((await f.Associations.ListLicenseSpecificationsForResourceAsync(Home, b.Arn, null, null, Ct)).Items);
        Assert.Equal([config.Arn], (await f.World.FindInstanceAsync(Home, a.Id, Ct))!.Licenses);

        await f.Associations.UpdateLicenseSpecificationsForResourceAsync(Home, a.Arn, null, [new LicenseSpecification(config.Arn)], Ct);
        Assert.Equal(0, await f.ConsumedAsync(config));
        Assert.Empty((await f.Associations.ListAssociationsForLicenseConfigurationAsync(Home, config.Arn, null, null, Ct)).Items);
    }

    [Fact]
    public async Task Associations_per_resource_are_limited_by_the_quota()
    {
        var f = new ComputeFixture(new LicensingQuotas { LicenseConfigurationsPerResource = 2 });
        var configs = new List<LicenseConfiguration>();
        for (var i = 0; i < 3; i++)
        {
            configs.Add(await f.ConfigurationAsync(LicenseCountingType.Instance));
        }

        var image = await f.Compute.RegisterImageAsync(Home, new RegisterImageCommand { Name = "img" }, Ct);
        await Assert.ThrowsAsync<ResourceLimitExceededException>(() => f.Associations.UpdateLicenseSpecificationsForResourceAsync(
            Home, image.Arn, [.. configs.Select(c => new LicenseSpecification(c.Arn))], null, Ct));
        Assert.Empty(f.World.Associations);
    }

    [Fact]
    public async Task Deleting_a_configuration_with_associations_is_refused_with_what_to_disassociate()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.Instance);
        var image = await f.Compute.RegisterImageAsync(Home, new RegisterImageCommand { Name = "img" }, Ct);
        await f.Associations.UpdateLicenseSpecificationsForResourceAsync(Home, image.Arn, [new LicenseSpecification(config.Arn)], null, Ct);

        var error = await Assert.ThrowsAsync<InvalidParameterValueException>(() => f.Configurations.DeleteAsync(Home, config.Arn, Ct));
        Assert.Contains(image.Arn, error.Message, StringComparison.Ordinal);
        Assert.Contains("RemoveLicenseSpecifications", error.Message, StringComparison.Ordinal);

        await f.Associations.UpdateLicenseSpecificationsForResourceAsync(Home, image.Arn, null, [new LicenseSpecification(config.Arn)], Ct);
        await f.Configurations.DeleteAsync(Home, config.Arn, Ct);
        Assert.Empty(f.ConfigurationStore.All);
    }

    [Fact]
    public async Task The_housekeeping_job_removes_associations_of_deregistered_images_but_not_of_instances()
    {
        var f = new ComputeFixture();
        var config = await f.ConfigurationAsync(LicenseCountingType.Instance);
        var image = await f.ImageAsync(associated: config);
        var instance = await f.RunAsync(image);

        await f.Compute.DeregisterImageAsync(Home, image, Ct);
        var result = await new LicensingHousekeepingJob(f.World, f.Time).RunOnceAsync(Ct);

        Assert.Equal(new HousekeepingResult(true, 1, 0), result);
        var association = Assert.Single(f.World.Associations);
        Assert.Equal(instance.Arn, association.ResourceArn);
        Assert.Equal(1, await f.ConsumedAsync(config));
        await Assert.ThrowsAsync<InvalidAmiIdNotFound>(() => f.RunAsync(image));
    }

    [Fact]
    public async Task Dedicated_host_capacity_auto_placement_and_release()
    {
        var f = new ComputeFixture();
        var image = await f.ImageAsync();
        var host = await f.HostAsync("z1d");

        var big = await f.RunAsync(image, "z1d.12xlarge", OnHost());
        Assert.Equal(host, big.Placement.HostId);
        await Assert.ThrowsAsync<InsufficientHostCapacity>(() => f.RunAsync(image, "z1d.large", OnHost(host)));
        var described = Assert.Single((await f.Compute.DescribeHostsAsync(Home, new DescribeHostsCommand(), Ct)).Items);
        Assert.Equal([big.Id], described.InstanceIds);
        Assert.Equal(0, described.AvailableVCpus);

        var refused = await f.Compute.ReleaseHostsAsync(Home, [host], Ct);
        Assert.Equal("Client.InvalidHost.Occupied", Assert.Single(refused.Unsuccessful).Code);
        await f.Compute.TerminateInstancesAsync(Home, [big.Id], false, Ct);
        var released = await f.Compute.ReleaseHostsAsync(Home, [host], Ct);
        Assert.Equal([host], released.Successful);
        await Assert.ThrowsAsync<InsufficientHostCapacity>(() => f.RunAsync(image, "z1d.large", OnHost()));
    }
}
