using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Tagging;

namespace Licentia.Core.Tests.LicenseConfigurations;

public class LicenseConfigurationManagerCreateTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Creates_a_configuration_with_every_member_and_its_tags()
    {
        var fixture = new ManagerFixture();
        var command = new CreateLicenseConfigurationCommand
        {
            Name = "SQL Server Enterprise",
            Description = "Per-core licenses from the 2024 agreement",
            CountingType = LicenseCountingType.Core,
            LicenseCount = 48,
            LicenseCountHardLimit = true,
            LicenseRules = ["#minimumCores=4", "#licenseAffinityToHost=90", "#allowedTenancy=EC2-DedicatedHost"],
            Tags = [new Tag("team", "dba"), new Tag("cost-center", "42")],
            DisassociateWhenNotFound = true,
            ProductInformationList = [new ProductInformation("SSM_MANAGED", [new ProductInformationFilter("Application Name", ["SQL Server"], "EQUALS")])],
            LicenseExpiry = 1_900_000_000,
        };

        var created = await fixture.Manager.CreateAsync(ManagerFixture.Home, command, Ct);

        Assert.Matches("^lic-[0-9a-f]{32}$", created.Id);
        Assert.Equal($"arn:aws:license-manager:us-east-1:111111111111:license-configuration:{created.Id}", created.Arn);
        Assert.Equal(ManagerFixture.Home, created.Scope);
        Assert.Equal(command.Name, created.Name);
        Assert.Equal(command.Description, created.Description);
        Assert.Equal(LicenseCountingType.Core, created.CountingType);
        Assert.Equal(48, created.LicenseCount);
        Assert.True(created.LicenseCountHardLimit);
        Assert.Equal(command.LicenseRules, created.Rules);
        Assert.Equal(LicenseConfigurationStatus.Available, created.Status);
        Assert.True(created.DisassociateWhenNotFound);
        Assert.Equal(command.ProductInformationList, created.ProductInformation);
        Assert.Equal(1_900_000_000, created.LicenseExpiry);
        Assert.Equal(fixture.Time.GetUtcNow(), created.CreatedAt);
        Assert.Equal(created.CreatedAt, created.UpdatedAt);
        Assert.Equal(1, created.Version);
        Assert.Equal(created, Assert.Single(fixture.Store.All));
        Assert.Equal(
            [new Tag("cost-center", "42"), new Tag("team", "dba")],
            await fixture.Manager.ListTagsForResourceAsync(ManagerFixture.Home, created.Arn, Ct));
    }

    [Fact]
    public async Task Defaults_are_no_limit_soft_and_no_rules()
    {
        var created = await new ManagerFixture().CreateAsync();

        Assert.Null(created.LicenseCount);
        Assert.False(created.LicenseCountHardLimit);
        Assert.False(created.DisassociateWhenNotFound);
        Assert.Empty(created.Rules);
        Assert.Empty(created.ProductInformation);
    }

    public static TheoryData<CreateLicenseConfigurationCommand, string> InvalidCommands()
    {
        var valid = ManagerFixture.NewCommand();
        return new()
        {
            { valid with { Name = "" }, "Name '' is not valid" },
            { valid with { Name = "   " }, "not only spaces" },
            { valid with { Name = new string('n', 257) }, "1 to 256 characters" },
            { valid with { Description = new string('d', 1025) }, "at most 1024" },
            { valid with { LicenseCount = -1 }, "LicenseCount -1 is not valid" },
            { valid with { LicenseExpiry = 0 }, "LicenseExpiry 0 is not valid" },
            { valid with { CountingType = (LicenseCountingType)42 }, "LicenseCountingType is not valid" },
            { valid with { LicenseRules = ["#minimumVcpus=2"] }, "'minimumVcpus' is not available for counting type Core" },
            { valid with { LicenseRules = ["#minimumCores=8", "#maximumCores=2"] }, "must not exceed" },
            { valid with { Tags = [new Tag("aws:x", "1")] }, "reserved for AWS" },
            { valid with { ProductInformationList = [new ProductInformation("RDS", [new ProductInformationFilter("Engine Edition", ["oracle-ee"], "EQUALS")])] }, "needs counting type vCPU" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public async Task A_refused_create_stores_nothing(CreateLicenseConfigurationCommand command, string expected)
    {
        var fixture = new ManagerFixture();

        var error = await Assert.ThrowsAsync<InvalidParameterValueException>(() => fixture.CreateAsync(command: command));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Store.WriteCount);
        Assert.Equal(0, fixture.Tags.WriteCount);
    }

    [Fact]
    public async Task Too_many_tags_are_refused_before_anything_is_stored()
    {
        var fixture = new ManagerFixture();
        var command = ManagerFixture.NewCommand() with { Tags = [.. Enumerable.Range(0, 51).Select(i => new Tag($"k{i}", "v"))] };

        await Assert.ThrowsAsync<InvalidParameterValueException>(() => fixture.CreateAsync(command: command));

        Assert.Empty(fixture.Store.All);
    }

    [Fact]
    public async Task The_quota_per_scope_is_enforced_and_a_refusal_changes_nothing()
    {
        var fixture = new ManagerFixture(new LicensingQuotas { LicenseConfigurationsPerScope = 2 });
        await fixture.CreateAsync();
        await fixture.CreateAsync();
        var before = fixture.Store.All.ToList();

        var error = await Assert.ThrowsAsync<ResourceLimitExceededException>(
            () => fixture.CreateAsync(command: ManagerFixture.NewCommand() with { Tags = [new Tag("k", "v")] }));

        Assert.Contains("already has 2 license configurations in us-east-1", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Store.All);
        Assert.Equal(0, fixture.Tags.WriteCount);
    }

    [Fact]
    public async Task The_quota_counts_each_account_and_region_separately()
    {
        var fixture = new ManagerFixture(new LicensingQuotas { LicenseConfigurationsPerScope = 1 });

        await fixture.CreateAsync(ManagerFixture.Home);
        await fixture.CreateAsync(ManagerFixture.OtherAccount);
        await fixture.CreateAsync(ManagerFixture.OtherRegion);

        Assert.Equal(3, fixture.Store.All.Count);
    }

    [Fact]
    public async Task Rds_configurations_follow_the_rds_constraints()
    {
        var fixture = new ManagerFixture();
        var command = ManagerFixture.NewCommand(LicenseCountingType.VCpu) with
        {
            ProductInformationList = [new ProductInformation("RDS", [new ProductInformationFilter("Engine Edition", ["oracle-ee"], "EQUALS")])],
        };

        var created = await fixture.CreateAsync(command: command);
        var hard = await Assert.ThrowsAsync<InvalidParameterValueException>(
            () => fixture.CreateAsync(command: command with { LicenseCountHardLimit = true }));

        Assert.Single(created.ProductInformation);
        Assert.Contains("Hard license limits are not supported", hard.Message, StringComparison.Ordinal);
    }
}
