using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;

namespace Licentia.Core.Tests.LicenseConfigurations;

public class LicenseConfigurationManagerReadTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Gets_a_configuration_by_arn()
    {
        var fixture = new ManagerFixture();
        var created = await fixture.CreateAsync();

        Assert.Equal(created, await fixture.Manager.GetAsync(ManagerFixture.Home, created.Arn, Ct));
    }

    [Fact]
    public async Task A_malformed_arn_is_refused_with_the_expected_form()
    {
        var error = await Assert.ThrowsAsync<InvalidParameterValueException>(
            () => new ManagerFixture().Manager.GetAsync(ManagerFixture.Home, "lic-123", Ct));

        Assert.Contains("is not a valid license configuration ARN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_scopes_configuration_looks_exactly_like_an_unknown_one()
    {
        var fixture = new ManagerFixture();
        var theirs = await fixture.CreateAsync(ManagerFixture.OtherAccount);
        var otherRegion = await fixture.CreateAsync(ManagerFixture.OtherRegion);
        var unknown = LicenseConfigurationArn.Format(ManagerFixture.Home, "lic-00000000000000000000000000000000");
        // The same id in this scope's ARN form must not find the other account's row either.
        var theirIdInOurArn = LicenseConfigurationArn.Format(ManagerFixture.Home, theirs.Id);

        var messages = new List<string>();
        foreach (var arn in new[] { theirs.Arn, otherRegion.Arn, unknown, theirIdInOurArn })
        {
            var error = await Assert.ThrowsAsync<InvalidParameterValueException>(() => fixture.Manager.GetAsync(ManagerFixture.Home, arn, Ct));
            messages.Add(error.Message.Replace(arn, "<arn>", StringComparison.Ordinal));
        }

        Assert.Single(messages.Distinct());
        Assert.Equal("License configuration '<arn>' does not exist in this account and Region.", messages[0]);
    }

    [Fact]
    public async Task Lists_only_this_scope_in_creation_order()
    {
        var fixture = new ManagerFixture();
        var a = await fixture.CreateAsync(command: ManagerFixture.NewCommand(name: "a"));
        await fixture.CreateAsync(ManagerFixture.OtherAccount);
        await fixture.CreateAsync(ManagerFixture.OtherRegion);
        var b = await fixture.CreateAsync(command: ManagerFixture.NewCommand(name: "b"));

        var page = await fixture.Manager.ListAsync(ManagerFixture.Home, new ListLicenseConfigurationsCommand(), Ct);

        Assert.Equal([a, b], page.Items);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Pages_through_the_store_cursor()
    {
        var fixture = new ManagerFixture();
        var created = new List<LicenseConfiguration>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await fixture.CreateAsync(command: ManagerFixture.NewCommand(name: $"c{i}")));
        }

        var seen = new List<LicenseConfiguration>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await fixture.Manager.ListAsync(ManagerFixture.Home, new ListLicenseConfigurationsCommand { MaxResults = 2, After = cursor }, Ct);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(created, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Max_results_above_the_largest_page_is_lowered_and_below_one_refused()
    {
        var fixture = new ManagerFixture(new LicensingQuotas { MaxPageSize = 2, DefaultPageSize = 2 });
        for (var i = 0; i < 3; i++)
        {
            await fixture.CreateAsync();
        }

        var page = await fixture.Manager.ListAsync(ManagerFixture.Home, new ListLicenseConfigurationsCommand { MaxResults = 1000 }, Ct);
        var error = await Assert.ThrowsAsync<InvalidParameterValueException>(
            () => fixture.Manager.ListAsync(ManagerFixture.Home, new ListLicenseConfigurationsCommand { MaxResults = 0 }, Ct));

        Assert.Equal(2, page.Items.Count);
        Assert.Contains("MaxResults 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_counting_type_and_hard_limit()
    {
        var fixture = new ManagerFixture();
        var coreHard = await fixture.CreateAsync(command: ManagerFixture.NewCommand(LicenseCountingType.Core) with { LicenseCountHardLimit = true });
        await fixture.CreateAsync(command: ManagerFixture.NewCommand(LicenseCountingType.Core));
        var vcpuHard = await fixture.CreateAsync(command: ManagerFixture.NewCommand(LicenseCountingType.VCpu) with { LicenseCountHardLimit = true });
        await fixture.CreateAsync(command: ManagerFixture.NewCommand(LicenseCountingType.Socket) with { LicenseCountHardLimit = true });

        var page = await fixture.Manager.ListAsync(
            ManagerFixture.Home,
            new ListLicenseConfigurationsCommand
            {
                Filters = [new ListFilter("licenseCountingType", ["Core", "vCPU"]), new ListFilter("enforceLicenseCount", ["true"])],
            },
            Ct);

        Assert.Equal([coreHard, vcpuHard], page.Items);
    }

    [Fact]
    public async Task Lists_by_arn_and_ignores_arns_of_other_scopes()
    {
        var fixture = new ManagerFixture();
        var mine = await fixture.CreateAsync();
        await fixture.CreateAsync();
        var theirs = await fixture.CreateAsync(ManagerFixture.OtherAccount);

        var page = await fixture.Manager.ListAsync(
            ManagerFixture.Home, new ListLicenseConfigurationsCommand { LicenseConfigurationArns = [mine.Arn, theirs.Arn] }, Ct);
        var onlyTheirs = await fixture.Manager.ListAsync(
            ManagerFixture.Home, new ListLicenseConfigurationsCommand { LicenseConfigurationArns = [theirs.Arn] }, Ct);

        Assert.Equal([mine], page.Items);
        Assert.Empty(onlyTheirs.Items);
        Assert.Null(onlyTheirs.NextCursor);
    }

    [Fact]
    public async Task Bad_list_requests_are_refused()
    {
        var fixture = new ManagerFixture(new LicensingQuotas { FiltersPerRequest = 1, ArnsPerListRequest = 1 });
        var manager = fixture.Manager;
        var mine = await fixture.CreateAsync();

        await Assert.ThrowsAsync<InvalidParameterValueException>(() => manager.ListAsync(
            ManagerFixture.Home, new ListLicenseConfigurationsCommand { LicenseConfigurationArns = ["not-an-arn"] }, Ct));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => manager.ListAsync(
            ManagerFixture.Home, new ListLicenseConfigurationsCommand { LicenseConfigurationArns = [mine.Arn, mine.Arn] }, Ct));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => manager.ListAsync(
            ManagerFixture.Home, new ListLicenseConfigurationsCommand { Filters = [new ListFilter("name", ["x"])] }, Ct));
        await Assert.ThrowsAsync<FilterLimitExceededException>(() => manager.ListAsync(
            ManagerFixture.Home,
            new ListLicenseConfigurationsCommand { Filters = [new ListFilter("enforceLicenseCount", ["true"]), new ListFilter("usagelimitExceeded", ["true"])] },
            Ct));
    }
}
