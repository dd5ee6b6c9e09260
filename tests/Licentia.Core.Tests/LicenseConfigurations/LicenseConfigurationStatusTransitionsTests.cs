using Licentia.Core.LicenseConfigurations;

namespace Licentia.Core.Tests.LicenseConfigurations;

public class LicenseConfigurationStatusTransitionsTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddHours(1);

    private static LicenseConfiguration Configuration(LicenseConfigurationStatus status) => new()
    {
        Id = "lic-0123456789abcdef0123456789abcdef",
        Arn = "arn",
        AccountId = "123456789012",
        Region = "us-east-1",
        Name = "n",
        CountingType = LicenseCountingType.VCpu,
        Status = status,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    [Fact]
    public void Disable_moves_an_available_configuration_to_disabled()
    {
        var disabled = Configuration(LicenseConfigurationStatus.Available).Disable(Later);

        Assert.Equal(LicenseConfigurationStatus.Disabled, disabled.Status);
        Assert.Equal(Later, disabled.UpdatedAt);
    }

    [Fact]
    public void Enable_moves_a_disabled_configuration_to_available()
    {
        var enabled = Configuration(LicenseConfigurationStatus.Disabled).Enable(Later);

        Assert.Equal(LicenseConfigurationStatus.Available, enabled.Status);
        Assert.Equal(Later, enabled.UpdatedAt);
    }

    [Theory]
    [InlineData(LicenseConfigurationStatus.Available)]
    [InlineData(LicenseConfigurationStatus.Disabled)]
    public void Asking_for_the_current_status_changes_nothing(LicenseConfigurationStatus status)
    {
        var configuration = Configuration(status);

        Assert.Same(configuration, configuration.WithStatus(status, Later));
    }
}
