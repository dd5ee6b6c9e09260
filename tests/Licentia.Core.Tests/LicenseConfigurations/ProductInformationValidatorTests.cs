using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.LicenseConfigurations.Products;
using Licentia.Core.LicenseConfigurations.Rules;

namespace Licentia.Core.Tests.LicenseConfigurations;

public class ProductInformationValidatorTests
{
    private static ProductInformation Ssm(params ProductInformationFilter[] filters) => new("SSM_MANAGED", filters);

    private static ProductInformation Rds(params ProductInformationFilter[] filters) => new("RDS", filters);

    private static ProductInformationFilter F(string name, string comparator, params string[] values) => new(name, values, comparator);

    private static void Validate(
        IReadOnlyList<ProductInformation> products,
        LicenseCountingType type = LicenseCountingType.VCpu,
        bool hardLimit = false,
        LicenseRuleSet? rules = null) =>
        ProductInformationValidator.Validate(products, type, hardLimit, rules ?? LicenseRuleSet.Empty);

    public static TheoryData<ProductInformationFilter> ValidSsmFilters() =>
    [
        F("Application Name", "EQUALS", "Microsoft SQL Server 2019 Standard Edition"),
        F("Application Publisher", "EQUALS", "Microsoft Corporation"),
        F("Application Version", "EQUALS", "15.0"),
        F("Platform Name", "EQUALS", "Microsoft Windows Server 2019 Datacenter"),
        F("Platform Type", "EQUALS", "Windows"),
        F("Tag:Environment", "NOT_EQUALS", "test"),
        F("Tag:Exclude", "NOT_EQUALS"),
        F("AccountId", "NOT_EQUALS", "123456789012"),
        F("License Included", "EQUALS", "sql-server-enterprise", "windows-server-datacenter"),
        F("License Included", "NOT_EQUALS", "sql-server-web"),
    ];

    [Theory]
    [MemberData(nameof(ValidSsmFilters))]
    public void Accepts_each_ssm_filter_as_the_model_documents_it(ProductInformationFilter filter)
    {
        Validate([Ssm(filter)], LicenseCountingType.Core, hardLimit: true, LicenseRuleSet.Empty with { MinimumCores = 2 });
    }

    [Theory]
    [InlineData("oracle-ee", null)]
    [InlineData("oracle-se2", "data guard")]
    [InlineData("oracle-se", "tuning pack sqlt")]
    [InlineData("oracle-se1", "olap")]
    public void Accepts_one_rds_product(string edition, string? pack)
    {
        var filters = new List<ProductInformationFilter> { F("Engine Edition", "EQUALS", edition) };
        if (pack is not null)
        {
            filters.Add(F("License Pack", "EQUALS", pack));
        }

        Validate([Rds([.. filters])]);
    }

    public static TheoryData<ProductInformation, string> InvalidProducts() => new()
    {
        { new ProductInformation("EC2", [F("Platform Type", "EQUALS", "Linux")]), "ResourceType 'EC2' is not valid" },
        { new ProductInformation("ssm_managed", [F("Platform Type", "EQUALS", "Linux")]), "ResourceType 'ssm_managed' is not valid" },
        { Ssm(), "has no filters" },
        { Ssm(F("Application Vendor", "EQUALS", "x")), "'Application Vendor' is not valid for resource type SSM_MANAGED" },
        { Ssm(F("application name", "EQUALS", "x")), "'application name' is not valid" },
        { Ssm(F("Engine Edition", "EQUALS", "oracle-ee")), "'Engine Edition' is not valid for resource type SSM_MANAGED" },
        { Ssm(F("Tag:", "NOT_EQUALS", "x")), "'Tag:' is not valid" },
        { Ssm(F("Application Name", "NOT_EQUALS", "x")), "Comparator 'NOT_EQUALS' is not valid for filter 'Application Name'. Allowed: EQUALS" },
        { Ssm(F("Application Name", "BEGINS_WITH", "x")), "'BEGINS_WITH' is not valid" },
        { Ssm(F("Application Name", "equals", "x")), "'equals' is not valid" },
        { Ssm(F("Tag:Owner", "EQUALS", "x")), "Allowed: NOT_EQUALS" },
        { Ssm(F("AccountId", "EQUALS", "123456789012")), "Allowed: NOT_EQUALS" },
        { Ssm(F("AccountId", "NOT_EQUALS", "1234")), "must be 12 digits" },
        { Ssm(F("License Included", "EQUALS", "sql-server-express")), "Value 'sql-server-express' is not valid" },
        { Ssm(F("Application Name", "EQUALS")), "needs at least one" },
        { Ssm(F("Application Name", "EQUALS", "")), "empty value" },
        { Ssm(F("Platform Type", "EQUALS", "Linux"), F("Platform Type", "EQUALS", "Windows")), "appears more than once" },
        { Rds(F("Engine Edition", "EQUALS", "oracle-xe")), "Value 'oracle-xe' is not valid" },
        { Rds(F("License Pack", "EQUALS", "data guard")), "'Engine Edition' filter with exactly one value" },
        { Rds(F("Engine Edition", "EQUALS", "oracle-ee", "oracle-se2")), "exactly one value" },
        { Rds(F("Engine Edition", "EQUALS", "oracle-ee"), F("License Pack", "EQUALS", "ols", "olap")), "at most one value" },
        { Rds(F("Application Name", "EQUALS", "x")), "not valid for resource type RDS" },
    };

    [Theory]
    [MemberData(nameof(InvalidProducts))]
    public void Refuses_invalid_product_information_naming_the_problem(ProductInformation product, string expected)
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => Validate([product]));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LicenseCountingType.Core, false, false, "needs counting type vCPU")]
    [InlineData(LicenseCountingType.Instance, false, false, "needs counting type vCPU")]
    [InlineData(LicenseCountingType.VCpu, true, false, "Hard license limits are not supported")]
    [InlineData(LicenseCountingType.VCpu, false, true, "License rules are not supported")]
    public void Rds_products_need_vcpu_counting_no_rules_and_no_hard_limit(LicenseCountingType type, bool hardLimit, bool withRules, string expected)
    {
        var rules = withRules ? LicenseRuleSet.Empty with { MinimumVcpus = 2 } : LicenseRuleSet.Empty;

        var error = Assert.Throws<InvalidParameterValueException>(
            () => Validate([Rds(F("Engine Edition", "EQUALS", "oracle-ee"))], type, hardLimit, rules));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rds_products_are_not_mixed_with_other_products()
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => Validate(
            [Rds(F("Engine Edition", "EQUALS", "oracle-ee")), Ssm(F("Platform Type", "EQUALS", "Linux"))]));
        Assert.Contains("tracks one product only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_ssm_products_are_fine()
    {
        Validate([Ssm(F("Application Name", "EQUALS", "a")), Ssm(F("Application Name", "EQUALS", "b"))]);
    }

    [Fact]
    public void No_product_information_is_fine()
    {
        Validate([]);
        ProductInformationValidator.Validate(null, LicenseCountingType.Socket, true, LicenseRuleSet.Empty);
    }
}
