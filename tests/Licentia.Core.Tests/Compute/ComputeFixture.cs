using Licentia.Core.Compute;
using Licentia.Core.Compute.Instances;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using Licentia.Core.Tests.Fakes;

namespace Licentia.Core.Tests.Compute;

/// <summary>The compute and licensing managers over in-memory stores, with a clock the test moves.</summary>
public sealed class ComputeFixture
{
    public static readonly Scope Home = new("111111111111", "us-east-1");
    public static readonly Scope Other = new("222222222222", "us-east-1");
    public static readonly CancellationToken Ct = CancellationToken.None;

    public ComputeFixture(LicensingQuotas? quotas = null)
    {
        Quotas = quotas ?? new LicensingQuotas();
        ConfigurationStore = new InMemoryLicenseConfigurationStore();
        World = new InMemoryComputeWorld(ConfigurationStore);
        var random = new ScriptedRandomSource();
        Configurations = new LicenseConfigurationManager(ConfigurationStore, ConfigurationStore.Tags, Quotas, Time, random, World);
        Compute = new ComputeManager(World, World, Quotas, Time, random: random);
        Associations = new LicenseAssociationManager(World, ConfigurationStore, Quotas, Time);
    }

    public LicensingQuotas Quotas { get; }

    public ManualTimeProvider Time { get; } = new();

    public InMemoryLicenseConfigurationStore ConfigurationStore { get; }

    public InMemoryComputeWorld World { get; }

    public LicenseConfigurationManager Configurations { get; }

    public ComputeManager Compute { get; }

    public LicenseAssociationManager Associations { get; }

    public Task<LicenseConfiguration> ConfigurationAsync(
        LicenseCountingType type, long? count = null, bool hard = false, Scope? scope = null, params string[] rules) =>
        Configurations.CreateAsync(scope ?? Home, new CreateLicenseConfigurationCommand
        {
            Name = $"{type} licenses",
            CountingType = type,
            LicenseCount = count,
            LicenseCountHardLimit = hard,
            LicenseRules = rules,
        }, Ct);

    public async Task<string> ImageAsync(Scope? scope = null, string name = "golden image", params LicenseConfiguration[] associated)
    {
        var image = await Compute.RegisterImageAsync(scope ?? Home, new RegisterImageCommand { Name = name }, Ct);
        if (associated.Length > 0)
        {
            await Associations.UpdateLicenseSpecificationsForResourceAsync(
                scope ?? Home, image.Arn, [.. associated.Select(c => new LicenseSpecification(c.Arn))], null, Ct);
        }

        return image.Id;
    }

    public async Task<string> HostAsync(string family = "m5", bool autoPlacement = true, Scope? scope = null) =>
        (await Compute.AllocateHostsAsync(scope ?? Home, new AllocateHostsCommand
        {
            AvailabilityZone = "us-east-1a",
            InstanceFamily = family,
            AutoPlacement = autoPlacement ? "on" : "off",
        }, Ct))[0];

    public async Task<Ec2Instance> RunAsync(
        string imageId,
        string instanceType = "m5.xlarge",
        Placement? placement = null,
        CpuOptions? cpuOptions = null,
        Scope? scope = null,
        params LicenseConfiguration[] licenses) =>
        (await Compute.RunInstancesAsync(scope ?? Home, new RunInstancesCommand
        {
            ImageId = imageId,
            InstanceType = instanceType,
            Placement = placement,
            CpuOptions = cpuOptions,
            LicenseConfigurationArns = [.. licenses.Select(l => l.Arn)],
        }, Ct)).Instances.Single();

    public static Placement OnHost(string? hostId = null, HostAffinity affinity = HostAffinity.Default) =>
        new() { Tenancy = Tenancy.Host, HostId = hostId, Affinity = affinity };

    public async Task<long> ConsumedAsync(LicenseConfiguration configuration) =>
        (await Associations.GetConsumptionAsync(configuration.Scope, configuration.Arn, Ct)).ConsumedLicenses;

    public async Task<LicenseConfiguration> ReloadAsync(LicenseConfiguration configuration) =>
        await Configurations.GetAsync(configuration.Scope, configuration.Arn, Ct);
}
