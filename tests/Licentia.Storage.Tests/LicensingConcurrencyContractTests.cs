using Licentia.Core;
using Licentia.Core.Compute;
using Licentia.Core.Compute.Errors;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>
/// The counting engine under concurrency, on each engine: many operations at once through several storage
/// instances (server nodes) over one database, then an audit that stored consumption equals what the
/// instances that exist imply.
/// </summary>
public abstract class LicensingConcurrencyContractTests : ContractTestBase
{
    private sealed record Node(ComputeManager Compute, LicenseAssociationManager Associations, LicenseConfigurationManager Configurations);

    private Node NodeOver(ILicentiaStorage storage)
    {
        var quotas = new LicensingQuotas { LicensingTransactionAttempts = 20 };
        return new Node(
            new ComputeManager(storage.Compute, storage.Licensing, quotas, TimeProvider.System),
            new LicenseAssociationManager(storage.Licensing, storage.LicenseConfigurations, quotas, TimeProvider.System),
            new LicenseConfigurationManager(storage.LicenseConfigurations, storage.Tags, quotas, TimeProvider.System, licensing: storage.Licensing));
    }

    private Node[] Nodes(int count) => [NodeOver(Storage), .. Enumerable.Range(1, count - 1).Select(_ => NodeOver(OpenTracked()))];

    [Fact]
    public async Task Parallel_launches_from_several_nodes_never_pass_a_hard_limit()
    {
        var scope = NewScope();
        var nodes = Nodes(3);
        var config = await CreateAsync(nodes[0], scope, LicenseCountingType.VCpu, 40);
        var image = await ImageAsync(nodes[0], scope, config);

        var outcomes = await InParallelAsync(30, i => nodes[i % 3].Compute.RunInstancesAsync(
            scope, new RunInstancesCommand { ImageId = image, InstanceType = "m5.xlarge" }, None));

        Assert.Equal(10, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.IsType<LicenseLimitExceeded>(o));
        await AuditAsync(nodes[1], scope, config, expectedConsumed: 40);
        Assert.True((await nodes[2].Associations.ListFailuresForLicenseConfigurationOperationsAsync(scope, config.Arn, 100, null, None)).Items.Count >= 20);
    }

    [Fact]
    public async Task Launches_locking_two_configurations_in_both_orders_neither_deadlock_nor_pass_either_limit()
    {
        var scope = NewScope();
        var nodes = Nodes(3);
        var a = await CreateAsync(nodes[0], scope, LicenseCountingType.Instance, 5);
        var b = await CreateAsync(nodes[0], scope, LicenseCountingType.Instance, 8);
        var imageA = await ImageAsync(nodes[0], scope, a);
        var imageB = await ImageAsync(nodes[0], scope, b);

        var outcomes = await InParallelAsync(36, i => nodes[i % 3].Compute.RunInstancesAsync(scope, (i % 3) switch
        {
            0 => new RunInstancesCommand { ImageId = imageA, LicenseConfigurationArns = [b.Arn] },
            1 => new RunInstancesCommand { ImageId = imageB, LicenseConfigurationArns = [a.Arn] },
            _ => new RunInstancesCommand { ImageId = imageB },
        }, None));

        Assert.All(outcomes.Where(o => o is not null), o => Assert.IsType<LicenseLimitExceeded>(o));
        Assert.True(await ConsumedAsync(nodes[0], scope, a) <= 5);
        Assert.Equal(8, await ConsumedAsync(nodes[0], scope, b));
        await AuditAsync(nodes[0], scope, a, expectedConsumed: null);
        await AuditAsync(nodes[0], scope, b, expectedConsumed: 8);
    }

    [Fact]
    public async Task Parallel_stops_starts_terminations_and_launches_keep_consumption_equal_to_running_instances()
    {
        var scope = NewScope();
        var nodes = Nodes(3);
        var config = await CreateAsync(nodes[0], scope, LicenseCountingType.Instance, 6);
        var image = await ImageAsync(nodes[0], scope, config);
        var first = await nodes[0].Compute.RunInstancesAsync(scope, new RunInstancesCommand { ImageId = image, MinCount = 6, MaxCount = 6 }, None);
        var ids = first.Instances.Select(i => i.Id).ToList();

        await InParallelAsync(6, i => nodes[i % 3].Compute.StopInstancesAsync(scope, [ids[i]], false, None));
        await AuditAsync(nodes[0], scope, config, expectedConsumed: 0);

        var outcomes = await InParallelAsync(18, i => (i % 3) switch
        {
            0 => nodes[i % 3].Compute.StartInstancesAsync(scope, [ids[i / 3]], false, None),
            1 => nodes[i % 3].Compute.RunInstancesAsync(scope, new RunInstancesCommand { ImageId = image }, None),
            _ => nodes[i % 3].Compute.TerminateInstancesAsync(scope, [ids[(i / 3 + 3) % 6]], false, None),
        });

        Assert.All(outcomes.Where(o => o is not null), o => Assert.True(o is LicenseLimitExceeded or IncorrectInstanceState, o!.ToString()));
        await AuditAsync(nodes[0], scope, config, expectedConsumed: null);
        Assert.True(await ConsumedAsync(nodes[0], scope, config) <= 6);
    }

    [Fact]
    public async Task Parallel_launches_onto_one_host_respect_its_capacity_and_count_its_cores_once()
    {
        var scope = NewScope();
        var nodes = Nodes(3);
        var config = await CreateAsync(nodes[0], scope, LicenseCountingType.Core, 24);
        var image = await ImageAsync(nodes[0], scope, config);
        var host = (await nodes[0].Compute.AllocateHostsAsync(scope, new AllocateHostsCommand { AvailabilityZone = scope.Region + "a", InstanceFamily = "z1d", AutoPlacement = "on" }, None))[0];

        var outcomes = await InParallelAsync(20, i => nodes[i % 3].Compute.RunInstancesAsync(scope, new RunInstancesCommand
        {
            ImageId = image,
            InstanceType = "z1d.xlarge",
            Placement = new Placement { Tenancy = Tenancy.Host, HostId = i % 2 == 0 ? host : null },
        }, None));

        Assert.Equal(12, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.IsType<InsufficientHostCapacity>(o));
        Assert.Equal(24, await ConsumedAsync(nodes[0], scope, config));
        var described = Assert.Single((await nodes[1].Compute.DescribeHostsAsync(scope, new DescribeHostsCommand(), None)).Items);
        Assert.Equal(0, described.AvailableVCpus);
        Assert.Equal(12, described.InstanceIds.Count);
    }

    [Fact]
    public async Task Deleting_a_configuration_while_it_is_being_associated_never_leaves_an_orphan_association()
    {
        var scope = NewScope();
        var nodes = Nodes(2);
        for (var round = 0; round < 5; round++)
        {
            var config = await CreateAsync(nodes[0], scope, LicenseCountingType.Instance, null);
            var image = await nodes[0].Compute.RegisterImageAsync(scope, new RegisterImageCommand { Name = $"race-{round}" }, None);

            var outcomes = await InParallelAsync(2, i => i == 0
                ? nodes[0].Associations.UpdateLicenseSpecificationsForResourceAsync(scope, image.Arn, [new LicenseSpecification(config.Arn)], null, None)
                : nodes[1].Configurations.DeleteAsync(scope, config.Arn, None));

            var exists = await Storage.LicenseConfigurations.FindAsync(scope, config.Id, None) is not null;
            var associated = await Storage.Licensing.HasAssociationsAsync(scope, config.Id, None);
            Assert.True(exists || !associated, $"round {round}: an association outlived its configuration");
            Assert.All(outcomes.Where(o => o is not null), o => Assert.IsType<InvalidParameterValueException>(o));
        }
    }

    private static async Task<LicenseConfiguration> CreateAsync(Node node, Scope scope, LicenseCountingType type, long? hardLimit) =>
        await node.Configurations.CreateAsync(scope, new CreateLicenseConfigurationCommand
        {
            Name = $"{type} under concurrency",
            CountingType = type,
            LicenseCount = hardLimit,
            LicenseCountHardLimit = hardLimit is not null,
        }, None);

    private static async Task<string> ImageAsync(Node node, Scope scope, LicenseConfiguration configuration)
    {
        var image = await node.Compute.RegisterImageAsync(scope, new RegisterImageCommand { Name = "image-" + Guid.NewGuid().ToString("N")[..8] }, None);
        await node.Associations.UpdateLicenseSpecificationsForResourceAsync(scope, image.Arn, [new LicenseSpecification(configuration.Arn)], null, None);
        return image.Id;
    }

    private static async Task<long> ConsumedAsync(Node node, Scope scope, LicenseConfiguration configuration) =>
        (await node.Associations.GetConsumptionAsync(scope, configuration.Arn, None)).ConsumedLicenses;

    /// <summary>Stored consumption equals what the running instances imply (vCPUs, one each, or their hosts' cores).</summary>
    private async Task AuditAsync(Node node, Scope scope, LicenseConfiguration configuration, long? expectedConsumed)
    {
        var running = (await Storage.Compute.ListInstancesAsync(scope, new InstanceQuery { States = [InstanceState.Running], Limit = 1000 }, None))
            .Items.Where(i => i.Licenses.Contains(configuration.Arn)).ToList();
        long implied = configuration.CountingType switch
        {
            LicenseCountingType.VCpu => running.Sum(i => node.Compute.Catalog.FindInstanceType(i.InstanceType)!.DefaultVCpus),
            LicenseCountingType.Instance => running.Count,
            _ => throw new NotSupportedException(),
        };
        var consumed = await ConsumedAsync(node, scope, configuration);
        Assert.Equal(implied, consumed);
        if (expectedConsumed is { } expected)
        {
            Assert.Equal(expected, consumed);
        }

        Assert.True(consumed <= configuration.LicenseCount, $"{consumed} consumed under a hard limit of {configuration.LicenseCount}");
        var usage = await node.Associations.ListUsageForLicenseConfigurationAsync(scope, configuration.Arn, null, 100, null, None);
        Assert.Equal(running.Select(i => i.Arn).Order(StringComparer.Ordinal), usage.Items.Select(u => u.ResourceArn).Order(StringComparer.Ordinal));
    }

    /// <summary>Starts all operations at once; returns each one's exception, or null when it succeeded.</summary>
    private static async Task<Exception?[]> InParallelAsync(int count, Func<int, Task> operation)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await operation(i);
                return (Exception?)null;
            }
            catch (Exception e) when (e is Ec2Exception or ServiceException)
            {
                return e;
            }
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }
}
