using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;

namespace Licentia.Core.Tests.LicenseConfigurations;

public class LicenseConfigurationManagerUpdateTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<(ManagerFixture Fixture, LicenseConfiguration Created)> CreatedAsync()
    {
        var fixture = new ManagerFixture();
        var created = await fixture.CreateAsync(command: new CreateLicenseConfigurationCommand
        {
            Name = "Original",
            Description = "first description",
            CountingType = LicenseCountingType.Socket,
            LicenseCount = 10,
            LicenseRules = ["#minimumSockets=2"],
            ProductInformationList = [new ProductInformation("SSM_MANAGED", [new ProductInformationFilter("Platform Type", ["Linux"], "EQUALS")])],
        });
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        return (fixture, created);
    }

    [Fact]
    public async Task Changes_only_the_given_members()
    {
        var (fixture, created) = await CreatedAsync();

        var updated = await fixture.Manager.UpdateAsync(
            ManagerFixture.Home, new UpdateLicenseConfigurationCommand { LicenseConfigurationArn = created.Arn, LicenseCount = 20 }, Ct);

        Assert.Equal(created with { LicenseCount = 20, UpdatedAt = fixture.Time.GetUtcNow(), Version = 2 }, updated with { Rules = created.Rules, ProductInformation = created.ProductInformation });
        Assert.Equal(created.Rules, updated.Rules);
        Assert.Equal(created.ProductInformation, updated.ProductInformation);
        Assert.Equal(updated, Assert.Single(fixture.Store.All));
    }

    [Fact]
    public async Task Changes_every_member_that_is_given()
    {
        var (fixture, created) = await CreatedAsync();

        var updated = await fixture.Manager.UpdateAsync(
            ManagerFixture.Home,
            new UpdateLicenseConfigurationCommand
            {
                LicenseConfigurationArn = created.Arn,
                Name = "Renamed",
                Description = "",
                LicenseCount = 0,
                LicenseCountHardLimit = true,
                LicenseRules = [],
                ProductInformationList = [],
                DisassociateWhenNotFound = true,
                LicenseExpiry = 1_900_000_000,
                Status = LicenseConfigurationStatus.Disabled,
            },
            Ct);

        Assert.Equal("Renamed", updated.Name);
        Assert.Equal("", updated.Description);
        Assert.Equal(0, updated.LicenseCount);
        Assert.True(updated.LicenseCountHardLimit);
        Assert.Empty(updated.Rules);
        Assert.Empty(updated.ProductInformation);
        Assert.True(updated.DisassociateWhenNotFound);
        Assert.Equal(1_900_000_000, updated.LicenseExpiry);
        Assert.Equal(LicenseConfigurationStatus.Disabled, updated.Status);
        Assert.Equal(LicenseCountingType.Socket, updated.CountingType);
        Assert.Equal(created.CreatedAt, updated.CreatedAt);
    }

    [Fact]
    public async Task Disables_and_enables_again()
    {
        var (fixture, created) = await CreatedAsync();
        var update = new UpdateLicenseConfigurationCommand { LicenseConfigurationArn = created.Arn };

        var disabled = await fixture.Manager.UpdateAsync(ManagerFixture.Home, update with { Status = LicenseConfigurationStatus.Disabled }, Ct);
        var enabled = await fixture.Manager.UpdateAsync(ManagerFixture.Home, update with { Status = LicenseConfigurationStatus.Available }, Ct);

        Assert.Equal(LicenseConfigurationStatus.Disabled, disabled.Status);
        Assert.Equal(LicenseConfigurationStatus.Available, enabled.Status);
        Assert.Equal(3, enabled.Version);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_nothing()
    {
        var (fixture, created) = await CreatedAsync();
        var writes = fixture.Store.WriteCount;

        var result = await fixture.Manager.UpdateAsync(
            ManagerFixture.Home,
            new UpdateLicenseConfigurationCommand
            {
                LicenseConfigurationArn = created.Arn,
                Name = created.Name,
                LicenseRules = ["#minimumSockets=2"],
                Status = LicenseConfigurationStatus.Available,
            },
            Ct);

        Assert.Equal(created, result);
        Assert.Equal(writes, fixture.Store.WriteCount);
    }

    public static TheoryData<UpdateLicenseConfigurationCommand, string> InvalidUpdates()
    {
        var arn = "<arn>";
        return new()
        {
            { new() { LicenseConfigurationArn = arn, Name = "" }, "Name '' is not valid" },
            { new() { LicenseConfigurationArn = arn, LicenseCount = -5 }, "LicenseCount -5" },
            { new() { LicenseConfigurationArn = arn, LicenseExpiry = -1 }, "LicenseExpiry -1" },
            { new() { LicenseConfigurationArn = arn, LicenseRules = ["#minimumCores=2"] }, "not available for counting type Socket" },
            { new() { LicenseConfigurationArn = arn, LicenseRules = ["#minimumSockets=3", "#maximumSockets=1"] }, "must not exceed" },
            { new() { LicenseConfigurationArn = arn, LicenseRules = ["#allowedTenancy=EC2-Default"] }, "Dedicated Hosts are required" },
            { new() { LicenseConfigurationArn = arn, LicenseCount = 99, ProductInformationList = [new ProductInformation("RDS", [new ProductInformationFilter("Engine Edition", ["oracle-ee"], "EQUALS")])] }, "needs counting type vCPU" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidUpdates))]
    public async Task A_refused_update_changes_nothing(UpdateLicenseConfigurationCommand update, string expected)
    {
        var (fixture, created) = await CreatedAsync();

        var error = await Assert.ThrowsAsync<InvalidParameterValueException>(
            () => fixture.Manager.UpdateAsync(ManagerFixture.Home, update with { LicenseConfigurationArn = created.Arn }, Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(created, Assert.Single(fixture.Store.All));
        Assert.Equal(0, fixture.Store.UpdateAttempts);
    }

    [Fact]
    public async Task A_rule_change_is_checked_against_the_stored_counting_type()
    {
        var fixture = new ManagerFixture();
        var vcpu = await fixture.CreateAsync(command: ManagerFixture.NewCommand(LicenseCountingType.VCpu));

        var updated = await fixture.Manager.UpdateAsync(
            ManagerFixture.Home, new UpdateLicenseConfigurationCommand { LicenseConfigurationArn = vcpu.Arn, LicenseRules = ["#honorVcpuOptimization=True"] }, Ct);
        var refused = await Assert.ThrowsAsync<InvalidParameterValueException>(() => fixture.Manager.UpdateAsync(
            ManagerFixture.Home, new UpdateLicenseConfigurationCommand { LicenseConfigurationArn = vcpu.Arn, LicenseRules = ["#licenseAffinityToHost=30"] }, Ct));

        Assert.Equal(["#honorVcpuOptimization=True"], updated.Rules);
        Assert.Contains("not available for counting type vCPU", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concurrent_change_is_retried_on_the_fresh_copy()
    {
        var (fixture, created) = await CreatedAsync();
        fixture.Store.ConcurrentWritersToSimulate = 2;

        var updated = await fixture.Manager.UpdateAsync(
            ManagerFixture.Home, new UpdateLicenseConfigurationCommand { LicenseConfigurationArn = created.Arn, LicenseCount = 30 }, Ct);

        Assert.Equal(30, updated.LicenseCount);
        // The concurrent writers' change survives: the update was applied to their result, not to a stale copy.
        Assert.StartsWith("changed by writer", updated.Description, StringComparison.Ordinal);
        Assert.Equal(created.Version + 3, updated.Version);
        Assert.Equal(updated, Assert.Single(fixture.Store.All));
        Assert.Equal(3, fixture.Store.UpdateAttempts);
    }

    [Fact]
    public async Task Gives_up_with_ConflictException_after_the_allowed_attempts()
    {
        var (fixture, created) = await CreatedAsync();
        fixture.Store.ConcurrentWritersToSimulate = 3;

        var error = await Assert.ThrowsAsync<ConflictException>(() => fixture.Manager.UpdateAsync(
            ManagerFixture.Home, new UpdateLicenseConfigurationCommand { LicenseConfigurationArn = created.Arn, LicenseCount = 30 }, Ct));

        Assert.Contains("3 attempts", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(30, Assert.Single(fixture.Store.All).LicenseCount);
    }

    [Fact]
    public async Task Another_scopes_configuration_cannot_be_updated()
    {
        var (fixture, created) = await CreatedAsync();

        await Assert.ThrowsAsync<InvalidParameterValueException>(() => fixture.Manager.UpdateAsync(
            ManagerFixture.OtherAccount, new UpdateLicenseConfigurationCommand { LicenseConfigurationArn = created.Arn, LicenseCount = 1 }, Ct));

        Assert.Equal(created, Assert.Single(fixture.Store.All));
    }

    [Fact]
    public async Task Deletes_a_configuration_and_its_tags()
    {
        var fixture = new ManagerFixture();
        var created = await fixture.CreateAsync(command: ManagerFixture.NewCommand() with { Tags = [new("k", "v")] });

        await fixture.Manager.DeleteAsync(ManagerFixture.Home, created.Arn, Ct);

        Assert.Empty(fixture.Store.All);
        Assert.Empty(await fixture.Tags.ListAsync(ManagerFixture.Home, created.Arn, Ct));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => fixture.Manager.DeleteAsync(ManagerFixture.Home, created.Arn, Ct));
    }

    [Fact]
    public async Task Another_scopes_configuration_cannot_be_deleted()
    {
        var fixture = new ManagerFixture();
        var theirs = await fixture.CreateAsync(ManagerFixture.OtherAccount);

        var error = await Assert.ThrowsAsync<InvalidParameterValueException>(() => fixture.Manager.DeleteAsync(ManagerFixture.Home, theirs.Arn, Ct));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => fixture.Manager.DeleteAsync(ManagerFixture.OtherRegion, theirs.Arn, Ct));

        Assert.Contains("does not exist in this account and Region", error.Message, StringComparison.Ordinal);
        Assert.Single(fixture.Store.All);
    }
}
