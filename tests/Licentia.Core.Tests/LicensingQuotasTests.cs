namespace Licentia.Core.Tests;

public class LicensingQuotasTests
{
    [Fact]
    public void Defaults_are_valid_and_at_least_as_generous_as_aws()
    {
        var quotas = new LicensingQuotas();

        quotas.Validate();
        Assert.True(quotas.LicenseConfigurationsPerScope >= 25);
        Assert.True(quotas.LicenseConfigurationsPerResource >= 10);
        Assert.Equal(50, quotas.TagsPerResource);
    }

    [Theory]
    [InlineData(nameof(LicensingQuotas.LicenseConfigurationsPerScope))]
    [InlineData(nameof(LicensingQuotas.TagsPerResource))]
    [InlineData(nameof(LicensingQuotas.FiltersPerRequest))]
    [InlineData(nameof(LicensingQuotas.UpdateAttempts))]
    [InlineData(nameof(LicensingQuotas.MaxPageSize))]
    public void Refuses_settings_below_one(string property)
    {
        var quotas = new LicensingQuotas();
        typeof(LicensingQuotas).GetProperty(property)!.SetValue(quotas, 0);

        var error = Assert.Throws<InvalidOperationException>(quotas.Validate);
        Assert.Contains(property, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_default_page_larger_than_the_largest_page()
    {
        var quotas = new LicensingQuotas { DefaultPageSize = 200, MaxPageSize = 100 };

        Assert.Throws<InvalidOperationException>(quotas.Validate);
    }
}
