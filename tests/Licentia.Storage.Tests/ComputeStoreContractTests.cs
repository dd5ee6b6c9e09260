using Licentia.Core;
using Licentia.Core.Compute;
using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.LaunchTemplates;
using Licentia.Core.Licensing;
using static Licentia.Storage.Tests.ComputeTestData;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>Every method of the compute store and of the licensing store and transaction, on each engine.</summary>
public abstract class ComputeStoreContractTests : ContractTestBase
{
    private IComputeStore Compute => Storage.Compute;

    private ILicensingStore Licensing => Storage.Licensing;

    // ---- images ----

    [Fact]
    public async Task Image_round_trips_and_is_visible_to_its_owner_only_until_shared()
    {
        // A Region of its own: the image becomes public, and public images are visible to every test's scope.
        var owner = NewScope("ap-southeast-7");
        var stranger = NewScope(owner.Region);
        var image = Image(owner);

        Assert.True(await Compute.TryInsertImageAsync(image, None));

        Assert.Equivalent(image, await Compute.FindImageAsync(owner.Region, owner.AccountId, image.Id, None), strict: true);
        Assert.Null(await Compute.FindImageAsync(owner.Region, stranger.AccountId, image.Id, None));
        Assert.Null(await Compute.FindImageAsync("eu-west-1", owner.AccountId, image.Id, None));
        Assert.Empty((await Compute.ListImagesAsync(stranger, new ImageQuery(), None)).Items);

        var shared = image with { SharedWith = [stranger.AccountId], Version = 2 };
        Assert.True(await Compute.TryUpdateImageAsync(shared, 1, None));
        Assert.False(await Compute.TryUpdateImageAsync(shared with { Name = "lost" }, 1, None));
        Assert.Equivalent(shared, await Compute.FindImageAsync(owner.Region, stranger.AccountId, image.Id, None), strict: true);
        Assert.Equal([image.Id], (await Compute.ListImagesAsync(stranger, new ImageQuery(), None)).Items.Select(i => i.Id));

        var unshared = shared with { SharedWith = [], Public = true, Version = 3 };
        Assert.True(await Compute.TryUpdateImageAsync(unshared, 2, None));
        Assert.Equivalent(unshared, await Compute.FindImageAsync(owner.Region, NewAccountId(), image.Id, None), strict: true);
    }

    [Fact]
    public async Task Image_names_are_unique_per_owner_and_region()
    {
        var owner = NewScope();
        Assert.True(await Compute.TryInsertImageAsync(Image(owner, "golden"), None));

        Assert.False(await Compute.TryInsertImageAsync(Image(owner, "golden"), None));
        Assert.True(await Compute.TryInsertImageAsync(Image(NewScope(), "golden"), None));
        Assert.True(await Compute.TryInsertImageAsync(Image(owner with { Region = "eu-west-1" }, "golden"), None));
    }

    [Fact]
    public async Task Images_list_with_filters_and_pages()
    {
        var owner = NewScope();
        var windows = Image(owner, "win-2022");
        var linux = Image(owner, "al2023") with { PlatformDetails = "Linux/UNIX", UsageOperation = "RunInstances" };
        var gone = Image(owner, "win-2019") with { State = ImageState.Deregistered, DeregisteredAt = T0 };
        foreach (var image in new[] { windows, linux, gone })
        {
            Assert.True(await Compute.TryInsertImageAsync(image, None));
        }

        async Task<IEnumerable<string>> Ids(ImageQuery query) => (await Compute.ListImagesAsync(owner, query, None)).Items.Select(i => i.Id);

        Assert.Equal([windows.Id, linux.Id], await Ids(new ImageQuery()));
        Assert.Equal([windows.Id, linux.Id, gone.Id], await Ids(new ImageQuery { States = null }));
        Assert.Equal([windows.Id, gone.Id], await Ids(new ImageQuery { States = null, NamePatterns = ["win-*"] }));
        Assert.Equal([linux.Id], await Ids(new ImageQuery { PlatformDetails = ["Linux/UNIX"] }));
        Assert.Equal([windows.Id], await Ids(new ImageQuery { UsageOperations = ["RunInstances:0002"], Ids = [windows.Id, gone.Id] }));
        Assert.Empty(await Ids(new ImageQuery { Owners = [NewAccountId()] }));
        Assert.Empty(await Ids(new ImageQuery { Ids = [] }));
        Assert.Empty(await Ids(new ImageQuery { Public = true }));

        var first = await Compute.ListImagesAsync(owner, new ImageQuery { Limit = 1 }, None);
        var second = await Compute.ListImagesAsync(owner, new ImageQuery { Limit = 1, After = first.NextCursor }, None);
        Assert.Equal([windows.Id], first.Items.Select(i => i.Id));
        Assert.Equal([linux.Id], second.Items.Select(i => i.Id));
        Assert.Null(second.NextCursor);
        var patterned = await Compute.ListImagesAsync(owner, new ImageQuery { States = null, NamePatterns = ["win-20??"], Limit = 1 }, None);
        Assert.Equal([windows.Id], patterned.Items.Select(i => i.Id));
        Assert.Equal([gone.Id], (await Compute.ListImagesAsync(owner, new ImageQuery { States = null, NamePatterns = ["win-20??"], After = patterned.NextCursor }, None)).Items.Select(i => i.Id));
    }

    // ---- instances, hosts, templates ----

    [Fact]
    public async Task Instances_round_trip_update_by_version_and_stay_in_their_scope()
    {
        var scope = NewScope();
        var instance = Instance(scope, hostId: "h-" + Hex17());
        await Licensing.WriteAsync(async tx => { await tx.InsertInstanceAsync(instance, None); return 0; }, None);

        Assert.Equivalent(instance, await Compute.FindInstanceAsync(scope, instance.Id, None), strict: true);
        Assert.Null(await Compute.FindInstanceAsync(NewScope(), instance.Id, None));

        var stopped = instance with { State = InstanceState.Stopped, Licenses = [], CpuOptions = null, Version = 2 };
        var updated = await Licensing.WriteAsync(async tx => (
            await tx.TryUpdateInstanceAsync(stopped, 1, None),
            await tx.TryUpdateInstanceAsync(stopped, 1, None),
            await tx.FindInstanceAsync(scope, instance.Id, None)), None);
        Assert.True(updated.Item1);
        Assert.False(updated.Item2);
        Assert.Equivalent(stopped, updated.Item3, strict: true);
    }

    [Fact]
    public async Task Instances_list_with_filters_and_pages()
    {
        var scope = NewScope();
        var hostId = "h-" + Hex17();
        var a = Instance(scope);
        var b = Instance(scope, hostId, InstanceState.Stopped, "m5.xlarge");
        var c = Instance(scope, hostId);
        await Licensing.WriteAsync(async tx =>
        {
            foreach (var i in new[] { a, b, c })
            {
                await tx.InsertInstanceAsync(i, None);
            }

            return 0;
        }, None);

        async Task<IEnumerable<string>> Ids(InstanceQuery query) => (await Compute.ListInstancesAsync(scope, query, None)).Items.Select(i => i.Id);

        Assert.Equal([a.Id, b.Id, c.Id], await Ids(new InstanceQuery()));
        Assert.Equal([a.Id, c.Id], await Ids(new InstanceQuery { States = [InstanceState.Running] }));
        Assert.Equal([b.Id, c.Id], await Ids(new InstanceQuery { HostIds = [hostId] }));
        Assert.Equal([b.Id, c.Id], await Ids(new InstanceQuery { Tenancies = [Tenancy.Host] }));
        Assert.Equal([b.Id], await Ids(new InstanceQuery { InstanceTypes = ["m5.xlarge"] }));
        Assert.Equal([a.Id], await Ids(new InstanceQuery { ImageIds = [a.ImageId], Ids = [a.Id, b.Id] }));
        Assert.Empty(await Ids(new InstanceQuery { States = [] }));
        var page = await Compute.ListInstancesAsync(scope, new InstanceQuery { Limit = 2 }, None);
        Assert.Equal([c.Id], (await Compute.ListInstancesAsync(scope, new InstanceQuery { Limit = 2, After = page.NextCursor }, None)).Items.Select(i => i.Id));

        var onHost = await Licensing.WriteAsync(tx => tx.InstancesOnHostAsync(scope, hostId, None), None);
        Assert.Equal([c.Id], onHost.Select(i => i.Id));
    }

    [Fact]
    public async Task Hosts_round_trip_list_and_release()
    {
        var scope = NewScope();
        var m5 = Host(scope);
        var z1d = Host(scope, "z1d", autoPlacement: false) with { InstanceType = "z1d.large", HostRecovery = false };
        await Compute.InsertHostsAsync([m5, z1d], None);

        Assert.Equivalent(m5, await Compute.FindHostAsync(scope, m5.Id, None), strict: true);
        Assert.Null(await Compute.FindHostAsync(NewScope(), m5.Id, None));

        async Task<IEnumerable<string>> Ids(HostQuery query) => (await Compute.ListHostsAsync(scope, query, None)).Items.Select(h => h.Id);
        Assert.Equal([m5.Id, z1d.Id], await Ids(new HostQuery()));
        Assert.Equal([z1d.Id], await Ids(new HostQuery { InstanceTypes = ["z1d.large"] }));
        Assert.Equal([m5.Id], await Ids(new HostQuery { AutoPlacement = true, InstanceFamilies = ["m5"], AvailabilityZones = [scope.Region + "a"] }));
        Assert.Equal([z1d.Id], await Ids(new HostQuery { Limit = 1, After = (await Compute.ListHostsAsync(scope, new HostQuery { Limit = 1 }, None)).NextCursor }));

        var released = m5.Release(T0.AddDays(1)) with { Version = 2 };
        var result = await Licensing.WriteAsync(async tx => (
            await tx.TryUpdateHostAsync(released, 1, None),
            await tx.TryUpdateHostAsync(released, 1, None),
            await tx.AvailableHostsAsync(scope, None),
            await tx.FindHostAsync(scope, m5.Id, None)), None);
        Assert.True(result.Item1);
        Assert.False(result.Item2);
        Assert.Equal([z1d.Id], result.Item3.Select(h => h.Id));
        Assert.Equivalent(released, result.Item4, strict: true);
        Assert.Equal([m5.Id], await Ids(new HostQuery { States = [HostState.Released] }));
    }

    [Fact]
    public async Task Launch_templates_round_trip_and_names_are_unique_per_scope()
    {
        var scope = NewScope();
        var template = Template(scope, "web");
        Assert.True(await Compute.TryInsertLaunchTemplateAsync(template, None));

        Assert.False(await Compute.TryInsertLaunchTemplateAsync(Template(scope, "web"), None));
        Assert.True(await Compute.TryInsertLaunchTemplateAsync(Template(NewScope(), "web"), None));
        var other = Template(scope, "db");
        Assert.True(await Compute.TryInsertLaunchTemplateAsync(other, None));

        Assert.Equivalent(template, await Compute.FindLaunchTemplateAsync(scope, template.Id, null, None), strict: true);
        Assert.Equivalent(template, await Compute.FindLaunchTemplateAsync(scope, null, "web", None), strict: true);
        Assert.Equivalent(template, await Licensing.WriteAsync(tx => tx.FindLaunchTemplateAsync(scope, null, "web", None), None), strict: true);
        Assert.Null(await Compute.FindLaunchTemplateAsync(NewScope(), template.Id, null, None));
        Assert.Equal([template.Id, other.Id], (await Compute.ListLaunchTemplatesAsync(scope, new LaunchTemplateQuery(), None)).Items.Select(t => t.Id));
        Assert.Equal([other.Id], (await Compute.ListLaunchTemplatesAsync(scope, new LaunchTemplateQuery { Names = ["db"] }, None)).Items.Select(t => t.Id));
        Assert.Equal([template.Id], (await Compute.ListLaunchTemplatesAsync(scope, new LaunchTemplateQuery { Ids = [template.Id], Limit = 1 }, None)).Items.Select(t => t.Id));
    }

    // ---- licensing ----

    [Fact]
    public async Task Associations_are_listed_per_configuration_and_per_resource_as_the_viewer_may_see_them()
    {
        var admin = NewScope();
        var consumer = new Scope(NewAccountId(), admin.Region);
        var config = await InsertConfigurationAsync(admin);
        var consumerConfig = await InsertConfigurationAsync(consumer);
        var imageArn = Ec2Ids.ImageArn(admin.Region, "ami-" + Hex17());
        var instanceArn = Ec2Ids.InstanceArn(consumer, "i-" + Hex17());
        var own = Association(admin, config.Id, imageArn, admin.AccountId, LicenseResourceType.Ec2Ami);
        var consumersOnSharedImage = Association(consumer, consumerConfig.Id, imageArn, admin.AccountId, LicenseResourceType.Ec2Ami);
        var onConsumersInstance = Association(admin, config.Id, instanceArn, consumer.AccountId);

        await Licensing.WriteAsync(async tx =>
        {
            foreach (var a in new[] { own, consumersOnSharedImage, onConsumersInstance, own })
            {
                await tx.InsertAssociationAsync(a, None);
            }

            return 0;
        }, None);

        Assert.Equivalent(new[] { own, onConsumersInstance }, (await Licensing.ListAssociationsAsync(admin, config.Id, null, 10, None)).Items, strict: true);
        var page = await Licensing.ListAssociationsAsync(admin, config.Id, null, 1, None);
        Assert.Equivalent(new[] { onConsumersInstance }, (await Licensing.ListAssociationsAsync(admin, config.Id, page.NextCursor, 1, None)).Items, strict: true);
        Assert.Empty((await Licensing.ListAssociationsAsync(NewScope(), config.Id, null, 10, None)).Items);

        async Task<IEnumerable<string>> Seen(string viewer, string arn) =>
            (await Licensing.ListAssociationsOfResourceAsync(admin.Region, viewer, arn, null, 10, None)).Items.Select(a => a.LicenseConfigurationId);
        Assert.Equal([config.Id], await Seen(admin.AccountId, imageArn));
        Assert.Equal([consumerConfig.Id], await Seen(consumer.AccountId, imageArn));
        Assert.Equal([config.Id], await Seen(consumer.AccountId, instanceArn));
        Assert.Empty(await Seen(NewAccountId(), imageArn));

        var crossAccount = own with { AmiAssociationScope = AmiAssociationScopes.CrossAccount };
        var seen = await Licensing.WriteAsync(async tx =>
        {
            await tx.DeleteAssociationAsync(admin, config.Id, imageArn, None);
            await tx.InsertAssociationAsync(crossAccount, None);
            return await tx.AssociationsOfResourceAsync(admin.Region, NewAccountId(), imageArn, None);
        }, None);
        Assert.Equivalent(new[] { crossAccount }, seen, strict: true);

        Assert.True(await Licensing.HasAssociationsAsync(admin, config.Id, None));
        Assert.False(await Licensing.HasAssociationsAsync(NewScope(), config.Id, None));
        Assert.Equal(
            [new ResourceTypeCount(LicenseResourceType.Ec2Instance, 1), new ResourceTypeCount(LicenseResourceType.Ec2Ami, 1)],
            await Licensing.SummarizeAssociationsAsync(admin, config.Id, None));
    }

    [Fact]
    public async Task Usage_rows_count_until_released_and_then_for_the_affinity_period()
    {
        var scope = NewScope();
        var config = await InsertConfigurationAsync(scope);
        var hostId = "h-" + Hex17();
        var hostArn = Ec2Ids.HostArn(scope, hostId);
        var instanceArn = Ec2Ids.InstanceArn(scope, "i-" + Hex17());
        var onHost = Usage(scope, config.Id, instanceArn, scope.AccountId, 0, hostId: hostId);
        var host = Usage(scope, config.Id, hostArn, scope.AccountId, 48, LicenseResourceType.Ec2Host, hostId);
        var vcpus = Usage(scope, config.Id, Ec2Ids.InstanceArn(scope, "i-" + Hex17()), scope.AccountId, 4);

        var found = await Licensing.WriteAsync(async tx =>
        {
            foreach (var u in new[] { onHost, host, vcpus })
            {
                await tx.UpsertUsageAsync(u, None);
            }

            return (await tx.ConsumedAsync(scope, config.Id, T0, None),
                await tx.FindUsageAsync(scope, config.Id, hostArn, None),
                await tx.UsagesOfResourceAsync(scope.Region, scope.AccountId, instanceArn, None),
                await tx.CountInstanceUsagesOnHostAsync(scope, config.Id, hostId, None),
                await tx.ConsumedAsync(NewScope(), config.Id, T0, None));
        }, None);
        Assert.Equal(52, found.Item1);
        Assert.Equivalent(host, found.Item2, strict: true);
        Assert.Equivalent(new[] { onHost }, found.Item3, strict: true);
        Assert.Equal(1, found.Item4);
        Assert.Equal(0, found.Item5);

        var released = host with { ReleasedAt = T0.AddDays(10), ResourceStatus = "released" };
        var counted = await Licensing.WriteAsync(async tx =>
        {
            await tx.DeleteUsageAsync(scope, config.Id, instanceArn, None);
            await tx.UpsertUsageAsync(released, None);
            return (await tx.ConsumedAsync(scope, config.Id, T0.AddDays(5), None),
                await tx.ConsumedAsync(scope, config.Id, T0.AddDays(10), None),
                await tx.CountInstanceUsagesOnHostAsync(scope, config.Id, hostId, None));
        }, None);
        Assert.Equal((52, 4, 0), counted);

        Assert.Equal(
            [new ResourceTypeCount(LicenseResourceType.Ec2Instance, 4), new ResourceTypeCount(LicenseResourceType.Ec2Host, 48)],
            await Licensing.SummarizeUsageAsync(scope, config.Id, T0.AddDays(5), None));
        var listed = await Licensing.ListUsagesAsync(scope, config.Id, new LicenseUsageQuery { HeldAfter = T0.AddDays(5) }, None);
        Assert.Equivalent(new[] { released, vcpus }, listed.Items, strict: true);
        Assert.Equivalent(new[] { vcpus }, (await Licensing.ListUsagesAsync(scope, config.Id, new LicenseUsageQuery { HeldAfter = T0.AddDays(11) }, None)).Items, strict: true);
        Assert.Equal([hostArn], (await Licensing.ListUsagesAsync(scope, config.Id,
            new LicenseUsageQuery { HeldAfter = T0, ResourceTypes = [LicenseResourceType.Ec2Host], ResourceOwnerIds = [scope.AccountId] }, None)).Items.Select(u => u.ResourceArn));
        Assert.Equal([vcpus.ResourceArn], (await Licensing.ListUsagesAsync(scope, config.Id,
            new LicenseUsageQuery { HeldAfter = T0, ResourceArns = [vcpus.ResourceArn], Limit = 1 }, None)).Items.Select(u => u.ResourceArn));

        Assert.Equal(0, await Licensing.PurgeReleasedUsagesAsync(T0.AddDays(10), None));
        Assert.True(await Licensing.PurgeReleasedUsagesAsync(T0.AddDays(11), None) >= 1);
        Assert.Equivalent(new[] { vcpus }, (await Licensing.ListUsagesAsync(scope, config.Id, new LicenseUsageQuery { HeldAfter = T0 }, None)).Items, strict: true);
    }

    [Fact]
    public async Task Failures_are_recorded_and_listed_per_configuration_in_order()
    {
        var scope = NewScope();
        var config = await InsertConfigurationAsync(scope);
        var first = Failure(scope, config.Id, "hard limit – first");
        var second = Failure(scope, config.Id, "hard limit – second") with { Metadata = [] };

        await Licensing.RecordFailuresAsync([first, second], None);

        Assert.Equivalent(new[] { first, second }, (await Licensing.ListFailuresAsync(scope, config.Id, null, 10, None)).Items, strict: true);
        var page = await Licensing.ListFailuresAsync(scope, config.Id, null, 1, None);
        Assert.Equal(["hard limit – second"], (await Licensing.ListFailuresAsync(scope, config.Id, page.NextCursor, 1, None)).Items.Select(f => f.ErrorMessage));
        Assert.Empty((await Licensing.ListFailuresAsync(NewScope(), config.Id, null, 10, None)).Items);
    }

    [Fact]
    public async Task A_transaction_that_throws_keeps_nothing_and_the_flag_update_moves_the_version()
    {
        var scope = NewScope();
        var config = await InsertConfigurationAsync(scope);
        var instance = Instance(scope);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Licensing.WriteAsync<int>(async tx =>
        {
            await tx.LockAsync([LicensingLock.Configuration(scope, config.Id), LicensingLock.HostPlacement(scope), LicensingLock.Instance(scope, instance.Id)], None);
            await tx.InsertInstanceAsync(instance, None);
            await tx.InsertAssociationAsync(Association(scope, config.Id, instance.Arn, scope.AccountId), None);
            await tx.UpsertUsageAsync(Usage(scope, config.Id, instance.Arn, scope.AccountId, 4), None);
            await tx.SetUsageLimitExceededAsync(scope, config.Id, true, None);
            throw new InvalidOperationException("refused");
        }, None));

        Assert.Null(await Compute.FindInstanceAsync(scope, instance.Id, None));
        Assert.False(await Licensing.HasAssociationsAsync(scope, config.Id, None));
        Assert.Empty(await Licensing.SummarizeUsageAsync(scope, config.Id, T0, None));
        Assert.Equivalent(config, await Storage.LicenseConfigurations.FindAsync(scope, config.Id, None), strict: true);

        var flagged = await Licensing.WriteAsync(async tx =>
        {
            await tx.SetUsageLimitExceededAsync(scope, config.Id, true, None);
            return await tx.FindConfigurationAsync(scope, config.Id, None);
        }, None);
        Assert.True(flagged!.UsageLimitExceeded);
        Assert.Equal(config.Version + 1, flagged.Version);
        Assert.False(await Storage.LicenseConfigurations.TryUpdateAsync(config with { Name = "stale" }, config.Version, None));
    }

    [Fact]
    public async Task Locks_are_taken_once_per_transaction()
    {
        var scope = NewScope();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Licensing.WriteAsync<int>(async tx =>
        {
            await tx.LockAsync([LicensingLock.HostPlacement(scope)], None);
            await tx.LockAsync([LicensingLock.HostPlacement(scope)], None);
            return 0;
        }, None));
    }

    [Fact]
    public async Task A_configuration_with_associations_is_not_deleted()
    {
        var scope = NewScope();
        var config = await InsertConfigurationAsync(scope);
        var arn = Ec2Ids.InstanceArn(scope, "i-" + Hex17());
        await Licensing.WriteAsync(async tx => { await tx.InsertAssociationAsync(Association(scope, config.Id, arn, scope.AccountId), None); return 0; }, None);
        await Licensing.RecordFailuresAsync([Failure(scope, config.Id, "x")], None);

        Assert.False(await Storage.LicenseConfigurations.DeleteAsync(scope, config.Id, None));
        Assert.NotNull(await Storage.LicenseConfigurations.FindAsync(scope, config.Id, None));

        await Licensing.WriteAsync(async tx => { await tx.DeleteAssociationAsync(scope, config.Id, arn, None); return 0; }, None);
        Assert.True(await Storage.LicenseConfigurations.DeleteAsync(scope, config.Id, None));
        Assert.Empty((await Licensing.ListFailuresAsync(scope, config.Id, null, 10, None)).Items);
    }

    [Fact]
    public async Task Associations_of_deregistered_or_missing_images_are_removed_by_housekeeping()
    {
        var scope = NewScope();
        var config = await InsertConfigurationAsync(scope);
        var live = Image(scope);
        var dead = Image(scope) with { State = ImageState.Deregistered };
        Assert.True(await Compute.TryInsertImageAsync(live, None));
        Assert.True(await Compute.TryInsertImageAsync(dead, None));
        var instanceArn = Ec2Ids.InstanceArn(scope, "i-" + Hex17());
        await Licensing.WriteAsync(async tx =>
        {
            await tx.InsertAssociationAsync(Association(scope, config.Id, live.Arn, scope.AccountId, LicenseResourceType.Ec2Ami), None);
            await tx.InsertAssociationAsync(Association(scope, config.Id, dead.Arn, scope.AccountId, LicenseResourceType.Ec2Ami), None);
            await tx.InsertAssociationAsync(Association(scope, config.Id, Ec2Ids.ImageArn(scope.Region, "ami-" + Hex17()), scope.AccountId, LicenseResourceType.Ec2Ami), None);
            await tx.InsertAssociationAsync(Association(scope, config.Id, instanceArn, scope.AccountId), None);
            return 0;
        }, None);

        var removed = 0;
        int batch;
        do
        {
            batch = await Licensing.RemoveAssociationsOfDeregisteredImagesAsync(1, None);
            removed += batch;
        }
        while (batch > 0);

        Assert.True(removed >= 2);
        Assert.Equal([live.Arn, instanceArn], (await Licensing.ListAssociationsAsync(scope, config.Id, null, 10, None)).Items.Select(a => a.ResourceArn));
    }

    [Fact]
    public async Task The_job_lock_is_held_by_one_node_at_a_time_where_nodes_share_a_database()
    {
        var other = OpenTracked();
        await using (var held = await Licensing.TryAcquireJobLockAsync("contract-job", None))
        {
            Assert.NotNull(held);
            var second = await other.Licensing.TryAcquireJobLockAsync("contract-job", None);
            Assert.Equal(SharesJobLocks, second is null);
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }

        await using var again = await other.Licensing.TryAcquireJobLockAsync("contract-job", None);
        Assert.NotNull(again);
    }

    /// <summary>Whether a second node is refused the job lock (PostgreSQL) or the engine has one node per database (SQLite).</summary>
    protected abstract bool SharesJobLocks { get; }

    private async Task<Core.LicenseConfigurations.LicenseConfiguration> InsertConfigurationAsync(Scope scope)
    {
        var configuration = Configuration(scope);
        Assert.True(await Storage.LicenseConfigurations.TryInsertAsync(configuration, [], 1000, None));
        return configuration;
    }
}
