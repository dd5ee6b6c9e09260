using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;

namespace Licentia.Core.Tests.LicenseConfigurations;

public class LicenseConfigurationFiltersTests
{
    private static readonly LicensingQuotas Quotas = new() { FiltersPerRequest = 3, ValuesPerFilter = 4 };

    private static LicenseConfigurationQuery Apply(params ListFilter[] filters) =>
        LicenseConfigurationFilters.Apply(new LicenseConfigurationQuery(), filters, Quotas);

    [Fact]
    public void Maps_every_filter_to_its_query_member()
    {
        var query = Apply(
            new ListFilter("licenseCountingType", ["Core", "Socket", "Core"]),
            new ListFilter("enforceLicenseCount", ["true"]),
            new ListFilter("usagelimitExceeded", ["FALSE"]));

        Assert.Equal([LicenseCountingType.Core, LicenseCountingType.Socket], query.CountingTypes);
        Assert.True(query.HardLimit);
        Assert.False(query.UsageLimitExceeded);
    }

    [Theory]
    [InlineData("LicenseCountingType")]
    [InlineData("usageLimitExceeded")]
    [InlineData("ENFORCELICENSECOUNT")]
    public void Filter_names_ignore_case(string name)
    {
        var value = name.StartsWith('L') ? "vCPU" : "true";
        var query = Apply(new ListFilter(name, [value]));

        Assert.NotEqual(new LicenseConfigurationQuery(), query);
    }

    [Fact]
    public void True_and_false_together_do_not_filter()
    {
        Assert.Null(Apply(new ListFilter("enforceLicenseCount", ["true", "false"])).HardLimit);
    }

    [Fact]
    public void No_filters_leave_the_query_as_it_is()
    {
        var query = new LicenseConfigurationQuery { Limit = 7 };

        Assert.Same(query, LicenseConfigurationFilters.Apply(query, null, Quotas));
        Assert.Same(query, LicenseConfigurationFilters.Apply(query, [], Quotas));
    }

    public static TheoryData<ListFilter[], string> InvalidFilters() => new()
    {
        { [new ListFilter("status", ["AVAILABLE"])], "Filter name 'status' is not supported" },
        { [new ListFilter("licenseCountingType", ["vcpu"])], "Allowed values: vCPU, Instance, Core, Socket" },
        { [new ListFilter("enforceLicenseCount", ["yes"])], "use true or false" },
        { [new ListFilter("usagelimitExceeded", [])], "has no values" },
        { [new ListFilter("enforceLicenseCount", ["true"]), new ListFilter("EnforceLicenseCount", ["false"])], "more than once" },
    };

    [Theory]
    [MemberData(nameof(InvalidFilters))]
    public void Refuses_unknown_names_and_bad_values(ListFilter[] filters, string expected)
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => Apply(filters));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_filters_exceed_the_filter_limit()
    {
        var error = Assert.Throws<FilterLimitExceededException>(() => Apply(
            new ListFilter("licenseCountingType", ["Core"]),
            new ListFilter("enforceLicenseCount", ["true"]),
            new ListFilter("usagelimitExceeded", ["true"]),
            new ListFilter("licenseCountingType", ["Socket"])));
        Assert.Contains("at most 3 filters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_values_exceed_the_filter_limit()
    {
        var error = Assert.Throws<FilterLimitExceededException>(
            () => Apply(new ListFilter("licenseCountingType", ["Core", "Core", "Core", "Core", "Core"])));
        Assert.Contains("at most 4", error.Message, StringComparison.Ordinal);
    }
}
