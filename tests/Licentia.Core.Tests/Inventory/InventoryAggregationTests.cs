using Licentia.Core.Inventory;
using Licentia.Core.Inventory.Errors;

namespace Licentia.Core.Tests.Inventory;

public sealed class InventoryAggregationTests
{
    private static InventoryItem Item(string type, params Dictionary<string, string>[] entries) => new()
    {
        TypeName = type,
        SchemaVersion = "1.0",
        CaptureTime = "2026-11-22T00:00:00Z",
        ContentHash = "h",
        Content = entries,
    };

    private static InventoryItem Platform(string type, string name) =>
        Item(InventoryTypes.InstanceInformation, new Dictionary<string, string> { ["PlatformType"] = type, ["PlatformName"] = name });

    private static InventoryItem Apps(params (string Name, string Version)[] apps) =>
        Item(InventoryTypes.Application, [.. apps.Select(a => new Dictionary<string, string> { ["Name"] = a.Name, ["Version"] = a.Version })]);

    private static IReadOnlyList<IReadOnlyList<InventoryAggregate>> Run(IReadOnlyList<WireAggregator> request, params IReadOnlyList<InventoryItem>[] nodes)
    {
        var aggregation = new InventoryAggregation(InventoryAggregators.Parse(request));
        foreach (var node in nodes)
        {
            aggregation.Add(node);
        }

        return aggregation.Results();
    }

    private static WireAggregator Expression(string expression, params WireAggregator[] nested) => new(expression, nested, null);

    private static List<string> Rows(InventoryAggregate aggregate) =>
        [.. aggregate.Content.Select(row => string.Join(",", row.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))];

    [Fact]
    public void An_expression_counts_nodes_per_value_most_common_first()
    {
        var results = Run([Expression("AWS:InstanceInformation.PlatformType")],
            [Platform("Linux", "Debian")], [Platform("Linux", "Ubuntu")], [Platform("Windows", "Server")], [Apps(("bash", "5"))]);

        var aggregate = Assert.Single(Assert.Single(results));
        Assert.Equal(InventoryTypes.InstanceInformation, aggregate.Key);
        Assert.Equal(InventoryTypes.InstanceInformation, aggregate.TypeName);
        Assert.Equal(["Count=2,PlatformType=Linux", "Count=1,PlatformType=Windows"], Rows(aggregate));
    }

    [Fact]
    public void A_node_counts_once_per_value_however_many_entries_carry_it()
    {
        var results = Run([Expression("AWS:Application.Name")],
            [Apps(("bash", "5.1"), ("bash", "5.2"), ("curl", "8"))], [Apps(("bash", "5.1"))]);

        Assert.Equal(["Count=2,Name=bash", "Count=1,Name=curl"], Rows(results[0][0]));
        Assert.Equal("1.1", results[0][0].SchemaVersion);
    }

    [Fact]
    public void Nested_steps_on_the_same_type_read_one_entry_and_on_another_type_multiply()
    {
        var request = Expression("AWS:Application.Name", Expression("AWS:Application.Version", Expression("AWS:InstanceInformation.PlatformType")));
        var results = Run([request],
            [Apps(("bash", "5.1"), ("curl", "8")), Platform("Linux", "Debian")],
            [Apps(("bash", "5.1"), ("bash", "5.2")), Platform("Linux", "Ubuntu")],
            [Apps(("bash", "5.2"))]);

        // The third node has no platform: it has no full combination, so it is not counted.
        Assert.Equal(
            ["Count=2,Name=bash,PlatformType=Linux,Version=5.1", "Count=1,Name=bash,PlatformType=Linux,Version=5.2", "Count=1,Name=curl,PlatformType=Linux,Version=8"],
            Rows(results[0][0]));
    }

    [Fact]
    public void Sibling_nested_aggregators_each_add_their_own_rows()
    {
        var request = Expression("AWS:InstanceInformation.PlatformType",
            Expression("AWS:InstanceInformation.PlatformName"), Expression("AWS:Application.Name"));
        var results = Run([request], [Platform("Linux", "Debian"), Apps(("bash", "5"))]);

        Assert.Equal(["Count=1,Name=bash,PlatformType=Linux", "Count=1,PlatformName=Debian,PlatformType=Linux"], Rows(results[0][0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Groups_count_nodes_in_and_out_of_each_group()
    {
        var groups = new WireAggregator(null, null,
        [
            new("ApplicationAndPlatform",
            [
                new("TypeName", "Exists", [InventoryTypes.Application]),
                new("TypeName", "Exists", [InventoryTypes.InstanceInformation]),
            ]),
            new("ApplicationOrNetwork", [new("TypeName", "Exists", [InventoryTypes.Application, InventoryTypes.Network])]),
            new("NoApplication", [new("TypeName", "NotEqual", [InventoryTypes.Application])]),
            new("Windows", [new("AWS:InstanceInformation.PlatformType", "Equal", ["Windows"])]),
        ]);
        var results = Run([groups], [Apps(("bash", "5")), Platform("Linux", "Debian")], [Apps(("bash", "5"))], [Platform("Windows", "Server")], []);

        var byGroup = results[0].ToDictionary(r => r.Key, Rows);
        Assert.Equal(["notMatchingCount=3", "matchingCount=1"], byGroup["ApplicationAndPlatform"]);
        Assert.Equal(["notMatchingCount=2", "matchingCount=2"], byGroup["ApplicationOrNetwork"]);
        Assert.Equal(["notMatchingCount=2", "matchingCount=2"], byGroup["NoApplication"]);
        Assert.Equal(["notMatchingCount=3", "matchingCount=1"], byGroup["Windows"]);
    }

    [Fact]
    public void Each_top_level_aggregator_gets_its_own_results()
    {
        var results = Run(
            [Expression("AWS:InstanceInformation.PlatformType"), new WireAggregator(null, null, [new("Any", [new("TypeName", null, [InventoryTypes.Application])])])],
            [Platform("Linux", "Debian")]);

        Assert.Equal(2, results.Count);
        Assert.Equal(InventoryTypes.InstanceInformation, results[0][0].Key);
        Assert.Equal("Any", results[1][0].Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("AWS:Application")]
    [InlineData("AWS:Application.")]
    [InlineData("AWS:File.Name")]
    [InlineData("AWS:Application.Colour")]
    public void Bad_expressions_are_refused_with_InvalidAggregatorException(string? expression)
    {
        var error = Assert.Throws<InvalidAggregatorException>(() => InventoryAggregators.Parse([new WireAggregator(expression, null, null)]));
        Assert.NotEmpty(error.Message);
    }

    [Fact]
    public void Expression_and_groups_together_or_groups_nested_are_refused()
    {
        var group = new WireInventoryGroup("g", [new("TypeName", "Exists", [InventoryTypes.Application])]);
        Assert.Throws<InvalidAggregatorException>(() => InventoryAggregators.Parse([new WireAggregator("AWS:Application.Name", null, [group])]));
        Assert.Throws<InvalidAggregatorException>(() => InventoryAggregators.Parse(
            [Expression("AWS:Application.Name", new WireAggregator(null, null, [group]))]));
        Assert.Throws<InvalidAggregatorException>(() => InventoryAggregators.Parse(
            [new WireAggregator(null, [Expression("AWS:Application.Name")], [group])]));
    }

    [Fact]
    public void Custom_types_aggregate_by_any_attribute()
    {
        var custom = Item("Custom:HostMemory", new Dictionary<string, string> { ["TotalMiB"] = "2048" });
        var results = Run([Expression("Custom:HostMemory.TotalMiB")], [custom], [custom]);
        Assert.Equal(["Count=2,TotalMiB=2048"], Rows(results[0][0]));
        Assert.Equal("1.0", results[0][0].SchemaVersion);
    }

    [Theory]
    [InlineData(null, "TypeName", "Exists")]
    [InlineData("g", "TypeName", "BeginWith")]
    [InlineData("g", "AWS:Nope.Name", "Equal")]
    [InlineData("g", "NoDot", "Equal")]
    public void Bad_groups_are_refused_with_InvalidInventoryGroupException(string? name, string key, string type)
    {
        var group = new WireInventoryGroup(name, [new(key, type, [InventoryTypes.Application])]);
        Assert.Throws<InvalidInventoryGroupException>(() => InventoryAggregators.Parse([new WireAggregator(null, null, [group])]));
    }

    [Fact]
    public void Groups_need_filters_and_distinct_names()
    {
        var filter = new WireInventoryFilter("TypeName", "Exists", [InventoryTypes.Application]);
        Assert.Throws<InvalidInventoryGroupException>(() => InventoryAggregators.Parse([new WireAggregator(null, null, [new("g", [])])]));
        Assert.Throws<InvalidInventoryGroupException>(() => InventoryAggregators.Parse(
            [new WireAggregator(null, null, [new("g", [filter]), new("g", [filter])])]));
        Assert.Throws<InvalidInventoryGroupException>(() => InventoryAggregators.Parse(
            [new WireAggregator(null, null, [new("g", [new("TypeName", "Exists", [])])])]));
    }
}
