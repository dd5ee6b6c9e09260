using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;

namespace Licentia.Core.Tests.LicenseConfigurations;

public class WireNameTests
{
    [Theory]
    [InlineData("vCPU", LicenseCountingType.VCpu)]
    [InlineData("Instance", LicenseCountingType.Instance)]
    [InlineData("Core", LicenseCountingType.Core)]
    [InlineData("Socket", LicenseCountingType.Socket)]
    public void Counting_types_map_both_ways(string wire, LicenseCountingType type)
    {
        Assert.Equal(type, LicenseCountingTypeNames.Parse(wire));
        Assert.Equal(wire, LicenseCountingTypeNames.ToWire(type));
    }

    [Theory]
    [InlineData("vcpu")]
    [InlineData("VCPU")]
    [InlineData("core")]
    [InlineData("Cores")]
    [InlineData("")]
    [InlineData(null)]
    public void Counting_type_names_are_exact_and_errors_list_the_allowed_values(string? wire)
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => LicenseCountingTypeNames.Parse(wire));
        Assert.Contains("vCPU, Instance, Core, Socket", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AVAILABLE", LicenseConfigurationStatus.Available)]
    [InlineData("DISABLED", LicenseConfigurationStatus.Disabled)]
    public void Statuses_map_both_ways(string wire, LicenseConfigurationStatus status)
    {
        Assert.Equal(status, LicenseConfigurationStatusNames.Parse(wire));
        Assert.Equal(wire, LicenseConfigurationStatusNames.ToWire(status));
    }

    [Theory]
    [InlineData("available")]
    [InlineData("ENABLED")]
    [InlineData(null)]
    public void Unknown_statuses_are_refused(string? wire)
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => LicenseConfigurationStatusNames.Parse(wire));
        Assert.Contains("AVAILABLE, DISABLED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_enum_member_has_a_wire_name_in_the_model()
    {
        Assert.Equal(Enum.GetValues<LicenseCountingType>().Length, LicenseCountingTypeNames.All.Count);
        Assert.Equal(Enum.GetValues<LicenseConfigurationStatus>().Length, LicenseConfigurationStatusNames.All.Count);
        Assert.All(Enum.GetValues<LicenseCountingType>(), t => Assert.Contains(LicenseCountingTypeNames.ToWire(t), LicenseCountingTypeNames.All));
    }
}
