using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Errors;

namespace Licentia.Core.Tests.Entitlements;

public sealed class LicenseRulesTests
{
    public static TheoryData<string, Entitlement, bool> EntitlementCases() => new()
    {
        { "limited gigabytes", new Entitlement { Name = "Data", MaxCount = 40, Unit = "Gigabytes" }, true },
        { "limited with overage", new Entitlement { Name = "Seats", MaxCount = 10, Unit = "Count", Overage = true }, true },
        { "limited to zero", new Entitlement { Name = "Seats", MaxCount = 0, Unit = "Count" }, true },
        { "unlimited", new Entitlement { Name = "Platinum Tier", Unit = "None", Value = "Enabled" }, true },
        { "unlimited with MaxCount", new Entitlement { Name = "P", Unit = "None", MaxCount = 1 }, false },
        { "unlimited with overage", new Entitlement { Name = "P", Unit = "None", Overage = true }, false },
        { "limited without MaxCount", new Entitlement { Name = "Data", Unit = "Gigabytes" }, false },
        { "negative MaxCount", new Entitlement { Name = "Data", Unit = "Count", MaxCount = -1 }, false },
        { "unknown unit", new Entitlement { Name = "Data", Unit = "Parsecs", MaxCount = 1 }, false },
        { "unit in wrong case", new Entitlement { Name = "Data", Unit = "gigabytes", MaxCount = 1 }, false },
        { "blank name", new Entitlement { Name = " ", Unit = "None" }, false },
    };

    [Theory]
    [MemberData(nameof(EntitlementCases))]
    public void Entitlements_are_limited_with_a_unit_or_unlimited_with_None(string because, Entitlement entitlement, bool valid)
    {
        var check = () => LicenseRules.ValidateEntitlements([entitlement], 100);
        if (valid)
        {
            check();
        }
        else
        {
            Assert.Throws<ValidationException>(check);
        }

        Assert.NotNull(because);
    }

    [Fact]
    public void Entitlement_lists_must_be_present_unique_and_bounded()
    {
        Assert.Throws<ValidationException>(() => LicenseRules.ValidateEntitlements([], 100));
        Assert.Throws<ValidationException>(() => LicenseRules.ValidateEntitlements(null, 100));
        var twice = new Entitlement { Name = "Data", Unit = "None" };
        Assert.Contains("more than once", Assert.Throws<ValidationException>(() => LicenseRules.ValidateEntitlements([twice, twice], 100)).Message, StringComparison.Ordinal);
        Assert.Throws<ValidationException>(() => LicenseRules.ValidateEntitlements([twice, twice with { Name = "Other" }], 1));
    }

    [Theory]
    [InlineData("Gigabytes", 40L, false, 0L, 40L, true)]
    [InlineData("Gigabytes", 40L, false, 39L, 1L, true)]
    [InlineData("Gigabytes", 40L, false, 39L, 2L, false)]
    [InlineData("Gigabytes", 40L, false, 40L, 0L, true)]
    [InlineData("Gigabytes", 40L, true, 40L, 100L, true)]
    [InlineData("Count", 0L, false, 0L, 1L, false)]
    [InlineData("None", null, false, 1_000_000L, 1_000_000L, true)]
    public void Permits_decides_whether_more_may_be_consumed(string unit, long? max, bool overage, long consumed, long quantity, bool permitted) =>
        Assert.Equal(permitted, new Entitlement { Name = "e", Unit = unit, MaxCount = max, Overage = overage }.Permits(consumed, quantity));

    public static TheoryData<string, ConsumptionConfiguration, bool> ConsumptionCases() => new()
    {
        { "nothing but renew", new ConsumptionConfiguration { RenewType = RenewType.Weekly }, true },
        { "provisional", new ConsumptionConfiguration { Provisional = new ProvisionalConfiguration(60) }, true },
        { "borrow", new ConsumptionConfiguration { Borrow = new BorrowConfiguration(true, 1440) }, true },
        { "both", new ConsumptionConfiguration { Provisional = new ProvisionalConfiguration(60), Borrow = new BorrowConfiguration(true, 60) }, false },
        { "provisional ttl 0", new ConsumptionConfiguration { Provisional = new ProvisionalConfiguration(0) }, false },
        { "borrow ttl negative", new ConsumptionConfiguration { Borrow = new BorrowConfiguration(false, -5) }, false },
        { "unknown renew", new ConsumptionConfiguration { RenewType = (RenewType)9 }, false },
    };

    [Theory]
    [MemberData(nameof(ConsumptionCases))]
    public void Consumption_takes_provisional_or_borrow_with_positive_times(string because, ConsumptionConfiguration consumption, bool valid)
    {
        var check = () => LicenseRules.ValidateConsumption(consumption);
        if (valid)
        {
            check();
        }
        else
        {
            Assert.Throws<ValidationException>(check);
        }

        Assert.NotNull(because);
    }

    [Theory]
    [InlineData("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", true)]
    [InlineData("2025-01-01T00:00:00.5+02:00", null, true)]
    [InlineData("2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", false)]
    [InlineData("2025-01-02T00:00:00Z", "2025-01-01T00:00:00Z", false)]
    [InlineData("2025-01-01", null, false)]
    [InlineData("tomorrow", null, false)]
    [InlineData("", null, false)]
    public void Validity_is_ISO_8601_and_ends_after_it_begins(string begin, string? end, bool valid)
    {
        if (valid)
        {
            var validity = LicenseRules.Validity(begin, end);
            Assert.Equal(TimeSpan.Zero, validity.Begin.Offset);
        }
        else
        {
            Assert.Throws<ValidationException>(() => LicenseRules.Validity(begin, end));
        }
    }

    [Fact]
    public void Home_region_must_be_the_request_region_and_metadata_names_unique()
    {
        LicenseRules.ValidateHomeRegion("us-east-1", new Scope("111111111111", "us-east-1"));
        Assert.Throws<ValidationException>(() => LicenseRules.ValidateHomeRegion("eu-west-1", new Scope("111111111111", "us-east-1")));
        LicenseRules.ValidateMetadata([new LicenseMetadata("a", "1"), new LicenseMetadata("b", "")]);
        Assert.Throws<ValidationException>(() => LicenseRules.ValidateMetadata([new LicenseMetadata("a", "1"), new LicenseMetadata("a", "2")]));
        Assert.Throws<ValidationException>(() => LicenseRules.RequireText("bad\u0001name", "LicenseName"));
        Assert.Throws<ValidationException>(() => LicenseRules.RequireText(new string('x', LicenseRules.MaxTextLength + 1), "LicenseName"));
    }

    [Theory]
    [InlineData("arn:aws:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef", true)]
    [InlineData("arn:aws:license-manager:us-east-1:111122223333:license:l-0123456789abcdef0123456789abcdef", false)]
    [InlineData("arn:aws:license-manager::111122223333:license:l-0123456789ABCDEF0123456789abcdef", false)]
    [InlineData("arn:aws:license-manager::111122223333:license:l-0123", false)]
    [InlineData("arn:aws:license-manager::111122223333:grant:g-0123456789abcdef0123456789abcdef", false)]
    [InlineData("arn:aws:license-manager::1111:license:l-0123456789abcdef0123456789abcdef", false)]
    public void License_ARNs_have_no_region_and_a_128_bit_id(string text, bool valid)
    {
        Assert.Equal(valid, LicenseArn.TryParse(text, out var arn));
        if (valid)
        {
            Assert.Equal(text, arn.ToString());
        }
        else
        {
            Assert.Throws<InvalidParameterValueException>(() => LicenseArn.Parse(text));
        }
    }

    [Theory]
    [InlineData("arn:aws:license-manager::111122223333:grant:g-0123456789abcdef0123456789abcdef", true)]
    [InlineData("arn:aws:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef", false)]
    [InlineData("arn:aws:license-manager:us-east-1:111122223333:grant:g-0123456789abcdef0123456789abcdef", false)]
    public void Grant_ARNs_have_no_region_and_a_128_bit_id(string text, bool valid) => Assert.Equal(valid, GrantArn.TryParse(text, out _));

    [Theory]
    [InlineData("arn:aws:iam::222233334444:root", "222233334444", null)]
    [InlineData("arn:aws:organizations::222233334444:organization/o-abcdef1234", null, "o-abcdef1234")]
    [InlineData("arn:aws:iam::222233334444:user/alice", null, null)]
    [InlineData("arn:aws:organizations::222233334444:organization/o-ABCDEF1234", null, null)]
    [InlineData("arn:aws:organizations::222233334444:organization/o-short", null, null)]
    [InlineData("arn:aws:iam:us-east-1:222233334444:root", null, null)]
    [InlineData("222233334444", null, null)]
    public void Principals_are_account_roots_or_organizations(string text, string? account, string? organization)
    {
        var ok = GrantPrincipal.TryParse(text, out var principal);
        Assert.Equal(account is not null || organization is not null, ok);
        if (ok)
        {
            Assert.Equal((account, organization, organization is not null), (principal!.AccountId, principal.OrganizationId, principal.IsOrganization));
        }
        else
        {
            Assert.Throws<InvalidParameterValueException>(() => GrantPrincipal.Parse(text));
        }
    }
}
