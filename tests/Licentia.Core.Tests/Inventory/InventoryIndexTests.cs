using Licentia.Core.Inventory.Resources;
using Licentia.Core.Tagging;

namespace Licentia.Core.Tests.Inventory;

/// <summary>
/// The indexed rows of a resource and the way stores read filters over them (EXISTS a passing row; NOT_EQUALS: no
/// equal row; a prefix as a code point range) must decide exactly what <see cref="ResourceInventoryFilter.Matches"/> does.
/// </summary>
public sealed class InventoryIndexTests
{
    private static readonly InventoryResource Server = new()
    {
        ResourceId = "mi-0123456789abcdef0",
        Type = InventoryResourceType.SsmManaged,
        Arn = "arn:aws:ssm:us-east-1:111122223333:managed-instance/mi-0123456789abcdef0",
        OwnerAccountId = "111122223333",
        Region = "us-east-1",
        Platform = "Ubuntu",
        ApplicationNames = ["MySQL Server", "MySQL Client", "nginx", "émacs", "\U0001F600 smile", "\uFFFD"],
        Tags = [new Tag("env", "prod"), new Tag("team", "")],
    };

    private static readonly InventoryResource Bare = new()
    {
        ResourceId = "mi-00000000000000000",
        Type = InventoryResourceType.SsmManaged,
        Arn = "arn:aws:ssm:us-east-1:111122223333:managed-instance/mi-00000000000000000",
        OwnerAccountId = "111122223333",
        Region = "us-east-1",
    };

    private static readonly InventoryResource Windows = new()
    {
        ResourceId = "i-0123456789abcdef0",
        Type = InventoryResourceType.Ec2Instance,
        Arn = "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0",
        OwnerAccountId = "111122223333",
        Region = "us-east-1",
        Platform = "Windows with SQL Server Enterprise",
        UsageOperation = "RunInstances:0102",
        LicenseIncluded = LicenseIncludedSoftware.FromUsageOperation("RunInstances:0102"),
    };

    public static TheoryData<string, string> Filters()
    {
        var names = new[] { "platform", "application_name", "license_included", "tag:env", "tag:team", "tag:owner" };
        var values = new[]
        {
            "", "U", "Ubuntu", "ubuntu", "Ubuntu 22", "MySQL", "MySQL Server", "nginx", "é", "e", "\U0001F600", "\uFFFD", "\uFFFF",
            "prod", "pro", "sql-server-enterprise", "windows-server-datacenter", "sql-server-web", "Windows", "Windows with SQL Server Enterprise",
        };
        var data = new TheoryData<string, string>();
        foreach (var name in names)
        {
            foreach (var value in values)
            {
                data.Add(name, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public void Rows_decide_every_filter_and_condition_as_Matches_does(string name, string value)
    {
        foreach (var condition in new[] { InventoryCondition.EqualsValue, InventoryCondition.NotEquals, InventoryCondition.BeginsWith, InventoryCondition.Contains })
        {
            // Built directly rather than parsed: the store must agree with Matches even on pairs the API does not accept.
            var filter = new ResourceInventoryFilter(Field(name), condition, value, name.StartsWith("tag:", StringComparison.Ordinal) ? name[4..] : null);
            foreach (var resource in new[] { Server, Bare, Windows })
            {
                Assert.True(filter.Matches(resource) == ByRows(filter, RowsOf(resource)), $"{name} {condition} '{value}' on {resource.ResourceId}");
            }
        }
    }

    [Theory]
    [InlineData("abc", "abd")]
    [InlineData("a", "b")]
    [InlineData("\uD7FF", "\uE000")]
    [InlineData("x\U0010FFFF", "y")]
    [InlineData("\U0001F600", "\U0001F601")]
    [InlineData("\uFFFF", "\U00010000")]
    public void A_prefix_upper_bound_is_the_next_string_in_code_point_order(string prefix, string bound) =>
        Assert.Equal(bound, InventoryIndex.PrefixUpperBound(prefix));

    [Theory]
    [InlineData("")]
    [InlineData("\U0010FFFF\U0010FFFF")]
    public void A_prefix_without_a_successor_has_no_upper_bound(string prefix) => Assert.Null(InventoryIndex.PrefixUpperBound(prefix));

    [Fact]
    public void Only_positive_conditions_on_indexed_attributes_can_drive_a_page()
    {
        Assert.True(InventoryIndex.CanDrive(ResourceInventoryFilter.Parse("application_name", "EQUALS", "nginx")));
        Assert.True(InventoryIndex.CanDrive(ResourceInventoryFilter.Parse("platform", "BEGINS_WITH", "Ubu")));
        Assert.True(InventoryIndex.CanDrive(ResourceInventoryFilter.Parse("tag:env", "EQUALS", "prod")));
        Assert.False(InventoryIndex.CanDrive(ResourceInventoryFilter.Parse("tag:env", "NOT_EQUALS", "prod")));
        Assert.False(InventoryIndex.CanDrive(ResourceInventoryFilter.Parse("resource_id", "EQUALS", "i-1")));
        Assert.False(InventoryIndex.CanDrive(new ResourceInventoryFilter(InventoryFilterField.Platform, InventoryCondition.Contains, "bun")));
        Assert.Equal("tag:env", InventoryIndex.NameOf(ResourceInventoryFilter.Parse("tag:env", "EQUALS", "prod")));
        Assert.Null(InventoryIndex.NameOf(ResourceInventoryFilter.Parse("account_id", "EQUALS", "111122223333")));
    }

    [Fact]
    public void A_managed_server_reports_its_os_name_else_its_platform_type() =>
        Assert.Equal(("Ubuntu", "Linux"), (InventoryIndex.ManagedPlatform("Ubuntu", "Linux"), InventoryIndex.ManagedPlatform("", "Linux")));

    private static InventoryFilterField Field(string name) => name switch
    {
        "platform" => InventoryFilterField.Platform,
        "application_name" => InventoryFilterField.ApplicationName,
        "license_included" => InventoryFilterField.LicenseIncluded,
        _ => InventoryFilterField.Tag,
    };

    private static IReadOnlyList<IndexedValue> RowsOf(InventoryResource r) => r.Type == InventoryResourceType.Ec2Instance
        ? InventoryIndex.OfInstance(r.Platform, r.UsageOperation)
        : [.. InventoryIndex.OfManagedServer(r.Platform, r.Tags), .. InventoryIndex.OfApplications(r.ApplicationNames)];

    // What the stores' SQL says, restated in C#: code point comparisons, a prefix as a range.
    private static bool ByRows(ResourceInventoryFilter filter, IReadOnlyList<IndexedValue> rows)
    {
        var values = rows.Where(r => r.Name == InventoryIndex.NameOf(filter)).Select(r => r.Value).ToList();
        return filter.Condition switch
        {
            InventoryCondition.NotEquals => !values.Any(v => CodePoints(v, filter.Value) == 0),
            InventoryCondition.EqualsValue => values.Any(v => CodePoints(v, filter.Value) == 0),
            InventoryCondition.BeginsWith => values.Any(v => CodePoints(v, filter.Value) >= 0
                && (InventoryIndex.PrefixUpperBound(filter.Value) is not { } upper || CodePoints(v, upper) < 0)),
            _ => values.Any(v => filter.Value.Length == 0 || v.Replace(filter.Value, string.Empty, StringComparison.Ordinal) != v),
        };
    }

    private static int CodePoints(string a, string b)
    {
        var left = a.EnumerateRunes().Select(r => r.Value).ToArray();
        var right = b.EnumerateRunes().Select(r => r.Value).ToArray();
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
            {
                return left[i].CompareTo(right[i]);
            }
        }

        return left.Length.CompareTo(right.Length);
    }
}
