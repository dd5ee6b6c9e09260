using Licentia.Core.Inventory;
using Licentia.Core.Inventory.Discovery;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Tagging;

namespace Licentia.Core.Tests.Inventory;

public sealed class DiscoveryProductMatcherTests
{
    private static readonly DiscoveredServer Server = new()
    {
        AccountId = "111122223333",
        PlatformName = "Ubuntu",
        PlatformType = "Linux",
        Applications =
        [
            new DiscoveredApplication("MySQL Server", "Oracle", "8.0.36"),
            new DiscoveredApplication("nginx", "nginx inc", "1.24"),
        ],
        LicenseIncluded = ["sql-server-web"],
        Tags = [new Tag("env", "prod")],
    };

    private static ProductInformation Ssm(params (string Name, string Comparator, string[] Values)[] filters) =>
        new("SSM_MANAGED", [.. filters.Select(f => new ProductInformationFilter(f.Name, f.Values, f.Comparator))]);

    [Theory]
    [InlineData("Application Name", "EQUALS", new[] { "MySQL Server" }, true)]
    [InlineData("Application Name", "EQUALS", new[] { "Oracle Database", "nginx" }, true)]
    [InlineData("Application Name", "EQUALS", new[] { "mysql server" }, false)]
    [InlineData("Application Publisher", "EQUALS", new[] { "Oracle" }, true)]
    [InlineData("Application Publisher", "EQUALS", new[] { "Microsoft" }, false)]
    [InlineData("Application Version", "EQUALS", new[] { "1.24" }, true)]
    [InlineData("Application Version", "EQUALS", new[] { "9.0" }, false)]
    [InlineData("Platform Name", "EQUALS", new[] { "Ubuntu" }, true)]
    [InlineData("Platform Name", "EQUALS", new[] { "Debian GNU/Linux" }, false)]
    [InlineData("Platform Type", "EQUALS", new[] { "Linux" }, true)]
    [InlineData("Platform Type", "EQUALS", new[] { "Windows" }, false)]
    [InlineData("License Included", "EQUALS", new[] { "sql-server-web" }, true)]
    [InlineData("License Included", "EQUALS", new[] { "sql-server-enterprise" }, false)]
    [InlineData("License Included", "NOT_EQUALS", new[] { "sql-server-web" }, false)]
    [InlineData("License Included", "NOT_EQUALS", new[] { "windows-server-datacenter" }, true)]
    [InlineData("Tag:env", "NOT_EQUALS", new[] { "prod" }, false)]
    [InlineData("Tag:env", "NOT_EQUALS", new[] { "dev" }, true)]
    [InlineData("Tag:env", "NOT_EQUALS", new string[0], false)]
    [InlineData("Tag:team", "NOT_EQUALS", new string[0], true)]
    [InlineData("AccountId", "NOT_EQUALS", new[] { "111122223333" }, false)]
    [InlineData("AccountId", "NOT_EQUALS", new[] { "444455556666" }, true)]
    public void Each_filter_and_comparator_decides_a_match(string name, string comparator, string[] values, bool expected) =>
        Assert.Equal(expected, ProductInformationMatcher.Matches(Ssm((name, comparator, values)), Server));

    [Fact]
    public void Application_filters_must_hold_for_the_same_application_and_filters_are_anded()
    {
        Assert.True(ProductInformationMatcher.Matches(
            Ssm(("Application Name", "EQUALS", ["MySQL Server"]), ("Application Publisher", "EQUALS", ["Oracle"])), Server));
        Assert.False(ProductInformationMatcher.Matches(
            Ssm(("Application Name", "EQUALS", ["MySQL Server"]), ("Application Version", "EQUALS", ["1.24"])), Server));
        Assert.False(ProductInformationMatcher.Matches(
            Ssm(("Application Name", "EQUALS", ["nginx"]), ("Platform Type", "EQUALS", ["Windows"])), Server));
        Assert.False(ProductInformationMatcher.Matches(Ssm(("Application Name", "EQUALS", ["nginx"])), Server with { Applications = [] }));
    }

    [Fact]
    public void Rds_entries_never_match_a_server_and_any_entry_suffices()
    {
        var rds = new ProductInformation("RDS", [new ProductInformationFilter("Engine Edition", ["oracle-ee"], "EQUALS")]);
        Assert.False(ProductInformationMatcher.Matches(rds, Server));
        Assert.True(ProductInformationMatcher.MatchesAny([rds, Ssm(("Platform Name", "EQUALS", ["Ubuntu"]))], Server));
        Assert.False(ProductInformationMatcher.MatchesAny([], Server));
    }

    [Fact]
    public void Applications_are_read_from_an_AWS_Application_item()
    {
        var item = new InventoryItem
        {
            TypeName = InventoryTypes.Application,
            SchemaVersion = "1.1",
            CaptureTime = "2025-03-14T15:00:00Z",
            ContentHash = "h",
            Content =
            [
                new Dictionary<string, string> { ["Name"] = "bash", ["Version"] = "5.2", ["Publisher"] = "Debian" },
                new Dictionary<string, string> { ["Version"] = "1" },
                new Dictionary<string, string> { ["Name"] = "curl" },
            ],
        };
        Assert.Equal([new DiscoveredApplication("bash", "Debian", "5.2"), new DiscoveredApplication("curl", "", "")],
            DiscoveredServer.ApplicationsOf(item));
        Assert.Empty(DiscoveredServer.ApplicationsOf(null));
    }
}
