using Licentia.Core.Errors;
using Licentia.Core.Inventory.Resources;
using Licentia.Core.Paging;
using Licentia.Core.Tagging;

namespace Licentia.Core.Tests.Inventory;

public sealed class ResourceInventoryFilterTests
{
    private static readonly InventoryResource Server = new()
    {
        ResourceId = "mi-0123456789abcdef0",
        Type = InventoryResourceType.SsmManaged,
        Arn = "arn:aws:ssm:us-east-1:111122223333:managed-instance/mi-0123456789abcdef0",
        OwnerAccountId = "111122223333",
        Region = "us-east-1",
        Platform = "Ubuntu",
        PlatformVersion = "22.04",
        ApplicationNames = ["MySQL Server", "nginx"],
        Tags = [new Tag("env", "prod"), new Tag("team", "")],
    };

    private static readonly InventoryResource Windows = new()
    {
        ResourceId = "i-0123456789abcdef0",
        Type = InventoryResourceType.Ec2Instance,
        Arn = "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0",
        OwnerAccountId = "111122223333",
        Region = "us-east-1",
        Platform = "Windows with SQL Server Enterprise",
        LicenseIncluded = LicenseIncludedSoftware.FromUsageOperation("RunInstances:0102"),
    };

    [Theory]
    [InlineData("resource_id", "EQUALS", "mi-0123456789abcdef0", true)]
    [InlineData("resource_id", "EQUALS", "mi-0123456789abcdef1", false)]
    [InlineData("resource_id", "NOT_EQUALS", "mi-0123456789abcdef0", false)]
    [InlineData("resource_id", "NOT_EQUALS", "i-0123456789abcdef0", true)]
    [InlineData("account_id", "EQUALS", "111122223333", true)]
    [InlineData("account_id", "EQUALS", "444455556666", false)]
    [InlineData("account_id", "NOT_EQUALS", "111122223333", false)]
    [InlineData("account_id", "NOT_EQUALS", "444455556666", true)]
    [InlineData("platform", "EQUALS", "Ubuntu", true)]
    [InlineData("platform", "EQUALS", "ubuntu", false)]
    [InlineData("platform", "BEGINS_WITH", "Ubu", true)]
    [InlineData("platform", "BEGINS_WITH", "buntu", false)]
    [InlineData("application_name", "EQUALS", "nginx", true)]
    [InlineData("application_name", "EQUALS", "MySQL", false)]
    [InlineData("application_name", "BEGINS_WITH", "MySQL", true)]
    [InlineData("application_name", "BEGINS_WITH", "Server", false)]
    [InlineData("license_included", "EQUALS", "sql-server-enterprise", false)]
    [InlineData("license_included", "NOT_EQUALS", "sql-server-enterprise", true)]
    [InlineData("tag:env", "EQUALS", "prod", true)]
    [InlineData("tag:env", "EQUALS", "dev", false)]
    [InlineData("tag:team", "EQUALS", "", true)]
    [InlineData("tag:env", "NOT_EQUALS", "prod", false)]
    [InlineData("tag:env", "NOT_EQUALS", "dev", true)]
    [InlineData("tag:owner", "EQUALS", "x", false)]
    [InlineData("tag:owner", "NOT_EQUALS", "x", true)]
    public void Each_filter_and_condition_matches_a_managed_server(string name, string condition, string value, bool expected) =>
        Assert.Equal(expected, ResourceInventoryFilter.Parse(name, condition, value).Matches(Server));

    [Theory]
    [InlineData("license_included", "EQUALS", "sql-server-enterprise", true)]
    [InlineData("license_included", "EQUALS", "windows-server-datacenter", true)]
    [InlineData("license_included", "EQUALS", "sql-server-web", false)]
    [InlineData("license_included", "NOT_EQUALS", "sql-server-standard", true)]
    [InlineData("license_included", "NOT_EQUALS", "windows-server-datacenter", false)]
    [InlineData("platform", "BEGINS_WITH", "Windows", true)]
    [InlineData("application_name", "EQUALS", "nginx", false)]
    [InlineData("tag:env", "EQUALS", "prod", false)]
    public void License_included_comes_from_the_billing_code_of_an_instance(string name, string condition, string value, bool expected) =>
        Assert.Equal(expected, ResourceInventoryFilter.Parse(name, condition, value).Matches(Windows));

    [Theory]
    [InlineData("RunInstances", new string[0])]
    [InlineData("RunInstances:0002", new[] { "windows-server-datacenter" })]
    [InlineData("RunInstances:0006", new[] { "windows-server-datacenter", "sql-server-standard" })]
    [InlineData("RunInstances:0202", new[] { "windows-server-datacenter", "sql-server-web" })]
    [InlineData("RunInstances:0004", new[] { "sql-server-standard" })]
    [InlineData("RunInstances:0100", new[] { "sql-server-enterprise" })]
    [InlineData("RunInstances:0200", new[] { "sql-server-web" })]
    public void Usage_operations_map_to_license_included_software(string usageOperation, string[] expected) =>
        Assert.Equal(expected, LicenseIncludedSoftware.FromUsageOperation(usageOperation));

    [Theory]
    [InlineData("resource_id", "BEGINS_WITH", "i-")]
    [InlineData("resource_id", "CONTAINS", "i-")]
    [InlineData("account_id", "BEGINS_WITH", "1111")]
    [InlineData("platform", "NOT_EQUALS", "Ubuntu")]
    [InlineData("platform", "CONTAINS", "Ubuntu")]
    [InlineData("application_name", "NOT_EQUALS", "nginx")]
    [InlineData("application_name", "CONTAINS", "nginx")]
    [InlineData("license_included", "BEGINS_WITH", "sql")]
    [InlineData("tag:env", "BEGINS_WITH", "p")]
    [InlineData("tag:env", "CONTAINS", "p")]
    [InlineData("resource_id", "LIKE", "i-")]
    [InlineData("resource_id", null, "i-")]
    [InlineData("instance_type", "EQUALS", "m5.large")]
    [InlineData("tag:", "EQUALS", "x")]
    [InlineData("", "EQUALS", "x")]
    [InlineData(null, "EQUALS", "x")]
    [InlineData("license_included", "EQUALS", "oracle-db")]
    [InlineData("platform", "EQUALS", null)]
    public void Bad_names_conditions_and_values_are_refused(string? name, string? condition, string? value) =>
        Assert.Throws<InvalidParameterValueException>(() => ResourceInventoryFilter.Parse(name, condition, value));

    [Fact]
    public void The_filters_of_a_query_are_anded_and_resource_id_equals_is_pushed_down()
    {
        var query = new ResourceInventoryQuery([
            ResourceInventoryFilter.Parse("platform", "BEGINS_WITH", "Ubu"),
            ResourceInventoryFilter.Parse("resource_id", "EQUALS", Server.ResourceId),
        ]);
        Assert.True(query.Matches(Server));
        Assert.False(query.Matches(Windows));
        Assert.Equal(Server.ResourceId, query.ResourceIdEquals);
        Assert.Null(new ResourceInventoryQuery([ResourceInventoryFilter.Parse("resource_id", "NOT_EQUALS", "x")]).ResourceIdEquals);
    }

    [Fact]
    public async Task The_manager_validates_page_size_and_filter_count_and_passes_the_parsed_query()
    {
        var store = new RecordingStore();
        var manager = new ResourceInventoryManager(store, new LicensingQuotas());
        var scope = new Scope("111122223333", "us-east-1");

        await manager.ListResourceInventoryAsync(scope, [("tag:env", "EQUALS", "prod")], 500, "e:3", CancellationToken.None);
        Assert.Equal((100, "e:3", ResourceInventoryManager.ScanLimit), (store.Limit, store.After, store.ScanLimit));
        Assert.Equal("env", Assert.Single(store.Query!.Filters).TagKey);

        await Assert.ThrowsAsync<InvalidParameterValueException>(() => manager.ListResourceInventoryAsync(scope, null, 0, null, CancellationToken.None));
        await Assert.ThrowsAsync<FilterLimitExceededException>(() => manager.ListResourceInventoryAsync(
            scope, [.. Enumerable.Repeat<(string?, string?, string?)>(("platform", "EQUALS", "x"), 26)], null, null, CancellationToken.None));
    }

    private sealed class RecordingStore : IResourceInventoryStore
    {
        public ResourceInventoryQuery? Query { get; private set; }

        public string? After { get; private set; }

        public int Limit { get; private set; }

        public int ScanLimit { get; private set; }

        public Task<Page<InventoryResource>> ListResourcesAsync(
            Scope scope, ResourceInventoryQuery query, string? after, int limit, int scanLimit, CancellationToken ct)
        {
            (Query, After, Limit, ScanLimit) = (query, after, limit, scanLimit);
            return Task.FromResult(new Page<InventoryResource>([], null));
        }
    }
}
