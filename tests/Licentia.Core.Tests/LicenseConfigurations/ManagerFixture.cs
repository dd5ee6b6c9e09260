using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Tests.Fakes;

namespace Licentia.Core.Tests.LicenseConfigurations;

/// <summary>A manager over in-memory stores, and a few scopes to test isolation with.</summary>
public sealed class ManagerFixture
{
    public static readonly Scope Home = new("111111111111", "us-east-1");
    public static readonly Scope OtherAccount = new("222222222222", "us-east-1");
    public static readonly Scope OtherRegion = new("111111111111", "eu-west-1");

    public ManagerFixture(LicensingQuotas? quotas = null)
    {
        Quotas = quotas ?? new LicensingQuotas();
        Store = new InMemoryLicenseConfigurationStore();
        Manager = new LicenseConfigurationManager(Store, Store.Tags, Quotas, Time, new ScriptedRandomSource());
    }

    public LicensingQuotas Quotas { get; }

    public ManualTimeProvider Time { get; } = new();

    public InMemoryLicenseConfigurationStore Store { get; }

    public InMemoryTagStore Tags => Store.Tags;

    public LicenseConfigurationManager Manager { get; }

    public static CreateLicenseConfigurationCommand NewCommand(
        LicenseCountingType type = LicenseCountingType.Core, string name = "Windows Server Datacenter") => new()
    {
        Name = name,
        CountingType = type,
    };

    public Task<LicenseConfiguration> CreateAsync(
        Scope? scope = null, CreateLicenseConfigurationCommand? command = null) =>
        Manager.CreateAsync(scope ?? Home, command ?? NewCommand(), CancellationToken.None);
}
