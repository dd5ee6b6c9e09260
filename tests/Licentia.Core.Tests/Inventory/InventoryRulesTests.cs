using System.Security.Cryptography;
using Licentia.Core.Inventory;
using Licentia.Core.Inventory.Errors;
using Licentia.Core.Tagging;
using Licentia.Core.Tests.Fakes;

namespace Licentia.Core.Tests.Inventory;

public sealed class PingStatusRulesTests
{
    private static readonly InventoryOptions Options = new();
    private static readonly DateTimeOffset Now = ManualTimeProvider.DefaultStart;

    [Theory]
    [InlineData(0, PingStatus.Online)]
    [InlineData(600, PingStatus.Online)]
    [InlineData(601, PingStatus.ConnectionLost)]
    [InlineData(30 * 24 * 3600, PingStatus.ConnectionLost)]
    [InlineData(30 * 24 * 3600 + 1, PingStatus.Inactive)]
    public void Status_follows_the_age_of_the_last_ping(int secondsAgo, PingStatus expected) =>
        Assert.Equal(expected, PingStatusRules.Of(Now.AddSeconds(-secondsAgo), Now, Options));

    [Fact]
    public void A_node_goes_from_Online_to_ConnectionLost_to_Inactive_as_the_clock_moves()
    {
        var clock = new ManualTimeProvider();
        var node = Node(clock.GetUtcNow());
        Assert.Equal(PingStatus.Online, node.PingStatus(clock.GetUtcNow(), Options));
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(PingStatus.ConnectionLost, node.PingStatus(clock.GetUtcNow(), Options));
        clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(PingStatus.Inactive, node.PingStatus(clock.GetUtcNow(), Options));
        Assert.Equal(PingStatus.Online, (node with { LastPingAt = clock.GetUtcNow() }).PingStatus(clock.GetUtcNow(), Options));
    }

    [Fact]
    public void Wire_names_round_trip_and_unknown_names_are_refused()
    {
        foreach (var status in Enum.GetValues<PingStatus>())
        {
            Assert.True(PingStatusRules.TryParse(PingStatusRules.ToWire(status), out var parsed));
            Assert.Equal(status, parsed);
        }

        Assert.False(PingStatusRules.TryParse("online", out _));
    }

    internal static ManagedInstance Node(DateTimeOffset lastPing) => new()
    {
        Id = "mi-0123456789abcdef0",
        AccountId = "123456789012",
        Region = "us-east-1",
        ActivationId = "8e12de9e-08df-4c75-9caf-198a0f27277c",
        IamRole = "role",
        RegisteredAt = lastPing,
        LastPingAt = lastPing,
        Facts = new HostFacts(),
    };
}

public sealed class ActivationRulesTests
{
    private static readonly DateTimeOffset Now = ManualTimeProvider.DefaultStart;

    [Fact]
    public void Expiry_defaults_to_24_hours_and_may_be_at_most_30_days_ahead()
    {
        Assert.Equal(Now.AddHours(24), ActivationRules.ResolveExpiry(null, Now));
        Assert.Equal(Now.AddDays(30), ActivationRules.ResolveExpiry(Now.AddDays(30), Now));
        Assert.Throws<InvalidParameters>(() => ActivationRules.ResolveExpiry(Now.AddDays(30).AddSeconds(1), Now));
        Assert.Throws<InvalidParameters>(() => ActivationRules.ResolveExpiry(Now, Now));
        Assert.Throws<InvalidParameters>(() => ActivationRules.ResolveExpiry(Now.AddMinutes(-1), Now));
    }

    [Fact]
    public void Limit_defaults_to_one_and_lies_between_1_and_1000()
    {
        Assert.Equal(1, ActivationRules.ResolveLimit(null));
        Assert.Equal(1000, ActivationRules.ResolveLimit(1000));
        Assert.Throws<InvalidParameters>(() => ActivationRules.ResolveLimit(0));
        Assert.Throws<InvalidParameters>(() => ActivationRules.ResolveLimit(1001));
    }

    [Fact]
    public void Expired_is_derived_from_the_clock()
    {
        var activation = Activation("code", expiresAt: Now.AddHours(1));
        Assert.False(activation.IsExpired(Now));
        Assert.False(activation.IsExpired(Now.AddMinutes(59)));
        Assert.True(activation.IsExpired(Now.AddHours(1)));
    }

    [Fact]
    public void Registration_needs_a_known_activation_the_right_code_time_and_a_free_slot()
    {
        var activation = Activation("the-right-code-12345", expiresAt: Now.AddHours(1), limit: 2);
        Assert.Null(ActivationRules.Refusal(activation, "the-right-code-12345", Now));
        Assert.IsType<InvalidActivation>(ActivationRules.Refusal(null, "the-right-code-12345", Now));
        Assert.IsType<InvalidActivation>(ActivationRules.Refusal(activation, "the-wrong-code-12345", Now));
        Assert.IsType<InvalidActivation>(ActivationRules.Refusal(activation, null, Now));
        Assert.IsType<ActivationExpired>(ActivationRules.Refusal(activation, "the-right-code-12345", Now.AddHours(2)));
        Assert.IsType<RegistrationLimitExceeded>(ActivationRules.Refusal(activation with { RegistrationsCount = 2 }, "the-right-code-12345", Now));

        // A wrong code is InvalidActivation even when the activation has expired: nothing leaks without the code.
        Assert.IsType<InvalidActivation>(ActivationRules.Refusal(activation, "nope", Now.AddHours(2)));
    }

    [Fact]
    public void Only_the_hash_of_the_code_is_kept_and_codes_are_20_characters()
    {
        var code = ActivationRules.NewCode(Licentia.Core.Identifiers.CryptoRandomSource.Instance);
        Assert.Equal(20, code.Length);
        Assert.Equal(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code)), ActivationRules.HashCode(code));
    }

    [Fact]
    public void Ids_have_the_ssm_forms()
    {
        var random = Licentia.Core.Identifiers.CryptoRandomSource.Instance;
        var instance = ManagedInstanceIds.NewInstanceId(random);
        Assert.Matches("^mi-[0-9a-f]{17}$", instance);
        Assert.True(ManagedInstanceIds.IsInstanceId(instance));
        Assert.False(ManagedInstanceIds.IsInstanceId("mi-0123456789ABCDEF0"));
        Assert.True(ManagedInstanceIds.IsActivationId(ManagedInstanceIds.NewActivationId(random)));
        Assert.Equal("arn:aws:ssm:eu-west-1:123456789012:managed-instance/" + instance,
            ManagedInstanceIds.Arn(new Scope("123456789012", "eu-west-1"), instance));
        var key = ManagedInstanceCredentials.NewAccessKeyId(random);
        Assert.True(ManagedInstanceCredentials.IsInstanceAccessKeyId(key));
        Assert.False(ManagedInstanceCredentials.IsInstanceAccessKeyId("AKIAIOSFODNN7EXAMPLE"));
    }

    internal static Activation Activation(string code, DateTimeOffset expiresAt, int limit = 1) => new()
    {
        Id = "8e12de9e-08df-4c75-9caf-198a0f27277c",
        AccountId = "123456789012",
        Region = "us-east-1",
        IamRole = "role",
        RegistrationLimit = limit,
        ExpiresAt = expiresAt,
        CreatedAt = Now,
        CodeHash = ActivationRules.HashCode(code),
    };
}

public sealed class InventoryFilterTests
{
    private static readonly Dictionary<string, string> Bash = new() { ["Name"] = "bash", ["Version"] = "5.2.15", ["Publisher"] = "Debian" };
    private static readonly Dictionary<string, string> Curl = new() { ["Name"] = "curl", ["Version"] = "7.88.1" };

    [Theory]
    [InlineData("Equal", new[] { "bash" }, true, false)]
    [InlineData("Equal", new[] { "zsh", "curl" }, false, true)]
    [InlineData("NotEqual", new[] { "bash" }, false, true)]
    [InlineData("BeginWith", new[] { "ba", "zz" }, true, false)]
    [InlineData("Exists", new[] { "ignored" }, true, true)]
    public void Name_filters_match_entries(string type, string[] values, bool bash, bool curl)
    {
        var filter = InventoryFilter.Parse("AWS:Application.Name", type, values);
        Assert.Equal(bash, filter.Matches(Bash));
        Assert.Equal(curl, filter.Matches(Curl));
    }

    [Fact]
    public void LessThan_and_GreaterThan_compare_numbers_numerically_and_text_ordinally()
    {
        var cores = new Dictionary<string, string> { ["CPUCores"] = "16" };
        Assert.True(InventoryFilter.Parse("AWS:InstanceDetailedInformation.CPUCores", "GreaterThan", ["8"]).Matches(cores));
        Assert.False(InventoryFilter.Parse("AWS:InstanceDetailedInformation.CPUCores", "LessThan", ["8"]).Matches(cores));
        Assert.True(InventoryFilter.Parse("AWS:Application.Version", "LessThan", ["6"]).Matches(Bash));
        Assert.Throws<InvalidFilter>(() => InventoryFilter.Parse("AWS:Application.Version", "LessThan", ["1", "2"]));
    }

    [Fact]
    public void An_absent_attribute_matches_nothing_not_even_NotEqual() =>
        Assert.False(InventoryFilter.Parse("AWS:Application.Publisher", "NotEqual", ["x"]).Matches(Curl));

    [Theory]
    [InlineData("Name")]
    [InlineData("AWS:Application.")]
    [InlineData("AWS:Unknown.Name")]
    [InlineData("AWS:Application.Colour")]
    [InlineData("Other:Thing.Name")]
    public void Malformed_keys_are_InvalidFilter(string key) =>
        Assert.Throws<InvalidFilter>(() => InventoryFilter.Parse(key, "Equal", ["x"]));

    [Fact]
    public void Custom_types_take_any_attribute_and_an_unknown_operator_is_refused()
    {
        Assert.Equal("Custom:HostMemory", InventoryFilter.Parse("Custom:HostMemory.TotalMemoryMB", null, ["1"]).TypeName);
        Assert.Throws<InvalidFilter>(() => InventoryFilter.Parse("AWS:Application.Name", "Like", ["x"]));
        Assert.Throws<InvalidFilter>(() => InventoryFilter.Parse("AWS:Application.Name", "Equal", []));
    }

    [Fact]
    public void A_node_matches_when_some_entry_of_the_type_matches()
    {
        var items = new List<InventoryItem> { Item("AWS:Application", Bash, Curl) };
        Assert.True(InventoryFilter.Parse("AWS:Application.Name", "Equal", ["curl"]).Matches(items));
        Assert.False(InventoryFilter.Parse("AWS:Application.Name", "Equal", ["zsh"]).Matches(items));
        Assert.False(InventoryFilter.Parse("Custom:Other.Name", "Exists", ["x"]).Matches(items));
    }

    internal static InventoryItem Item(string type, params Dictionary<string, string>[] entries) => new()
    {
        TypeName = type,
        SchemaVersion = "1.1",
        CaptureTime = "2025-01-15T10:00:00Z",
        ContentHash = InventoryTypes.HashContent(entries),
        Content = entries,
    };
}

public sealed class InventoryTypesTests
{
    [Fact]
    public void Known_aws_types_check_schema_version_attributes_and_context()
    {
        var item = InventoryFilterTests.Item("AWS:Application", new Dictionary<string, string> { ["Name"] = "bash" });
        Assert.Equal(item.ContentHash, InventoryTypes.Validate(item with { ContentHash = "" }, 1 << 20));
        Assert.Throws<UnsupportedInventorySchemaVersionException>(() => InventoryTypes.Validate(item with { SchemaVersion = "2.0" }, 1 << 20));
        Assert.Throws<InvalidItemContentException>(() => InventoryTypes.Validate(
            item with { Content = [new Dictionary<string, string> { ["Colour"] = "red" }] }, 1 << 20));
        Assert.Throws<UnsupportedInventoryItemContextException>(() => InventoryTypes.Validate(
            item with { Context = new Dictionary<string, string> { ["a"] = "b" } }, 1 << 20));
        Assert.Throws<ItemSizeLimitExceededException>(() => InventoryTypes.Validate(item, 5));
        Assert.Throws<InvalidTypeNameException>(() => InventoryTypes.Validate(item with { TypeName = "AWS:WindowsUpdate" }, 1 << 20));
        Assert.Throws<InvalidTypeNameException>(() => InventoryTypes.Validate(item with { TypeName = "Custom:" }, 1 << 20));
    }

    [Fact]
    public void The_content_hash_ignores_attribute_order_but_not_entry_order()
    {
        var a = new Dictionary<string, string> { ["Name"] = "a", ["Version"] = "1" };
        var aReordered = new Dictionary<string, string> { ["Version"] = "1", ["Name"] = "a" };
        var b = new Dictionary<string, string> { ["Name"] = "b" };
        Assert.Equal(InventoryTypes.HashContent([a, b]), InventoryTypes.HashContent([aReordered, b]));
        Assert.NotEqual(InventoryTypes.HashContent([a, b]), InventoryTypes.HashContent([b, a]));
        Assert.NotEqual(InventoryTypes.HashContent([new Dictionary<string, string> { ["ab"] = "c" }]),
            InventoryTypes.HashContent([new Dictionary<string, string> { ["a"] = "bc" }]));
    }
}

public sealed class InventoryQueriesTests
{
    [Fact]
    public void Instance_filters_intersect_and_refuse_bad_keys_and_values()
    {
        var query = InventoryQueries.Instances(
            [new WireFilter("PingStatus", ["Online", "ConnectionLost"])],
            [new WireFilter("PingStatus", ["Online"]), new WireFilter("PlatformTypes", ["Linux"])]);
        Assert.Equal([PingStatus.Online], query.PingStatuses);
        Assert.Equal(["Linux"], query.PlatformTypes);

        Assert.Throws<InvalidFilterKey>(() => InventoryQueries.Instances(null, [new WireFilter("colour", ["red"])]));
        Assert.Throws<InvalidInstanceInformationFilterValue>(() => InventoryQueries.Instances(null, [new WireFilter("PingStatus", ["Up"])]));
        Assert.Throws<InvalidInstanceId>(() => InventoryQueries.Instances([new WireFilter("InstanceIds", ["mi-nothex"])], null));
        Assert.Equal([], InventoryQueries.Instances(null, [new WireFilter("ResourceType", ["EC2Instance"])]).InstanceIds);
    }

    [Fact]
    public void Tag_filters_need_every_condition_to_hold()
    {
        var query = InventoryQueries.Instances(null, [new WireFilter("tag:env", ["prod", "staging"]), new WireFilter("tag-key", ["team", "owner"])]);
        Assert.Equal(2, query.Tags.Count);
        bool Matches(params Tag[] tags) => query.Tags.All(t => t.Matches(tags));

        Assert.True(Matches(new Tag("env", "prod"), new Tag("team", "")));
        Assert.True(Matches(new Tag("env", "staging"), new Tag("owner", "ana")));
        Assert.False(Matches(new Tag("env", "prod")));
        Assert.False(Matches(new Tag("env", "dev"), new Tag("team", "a")));
        Assert.False(Matches(new Tag("Env", "prod"), new Tag("team", "a")));
    }

    [Fact]
    public void Tag_filters_need_a_key_and_values()
    {
        Assert.Throws<InvalidFilterKey>(() => InventoryQueries.Instances(null, [new WireFilter("tag:", ["x"])]));
        Assert.Throws<InvalidInstanceInformationFilterValue>(() => InventoryQueries.Instances(null, [new WireFilter("tag:env", [])]));
        Assert.Throws<InvalidInstanceInformationFilterValue>(() => InventoryQueries.Instances(null, [new WireFilter("tag-key", null)]));
    }

    [Fact]
    public void Activation_filters_add_up_per_key()
    {
        var query = InventoryQueries.Activations([new WireFilter("IamRole", ["a"]), new WireFilter("IamRole", ["b"])]);
        Assert.Equal(["a", "b"], query.IamRoles);
        Assert.Throws<InvalidFilter>(() => InventoryQueries.Activations([new WireFilter(null, ["a"])]));
    }
}
