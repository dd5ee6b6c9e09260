using Licentia.Core.LicenseConfigurations;
using Licentia.Core.LicenseConfigurations.Rules;
using Licentia.Core.Licensing;

namespace Licentia.Core.Tests.Licensing;

/// <summary>How a managed server consumes: its reported processors through the instance counting rules.</summary>
public class ManagedServerCountingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly LicensedServer Server = new("mi-0123456789abcdef0", "111111111111", "us-east-1", Now, new ServerProcessors(2, 16, 32));

    [Theory]
    [InlineData(LicenseCountingType.VCpu, 32)]
    [InlineData(LicenseCountingType.Core, 16)]
    [InlineData(LicenseCountingType.Socket, 2)]
    [InlineData(LicenseCountingType.Instance, 1)]
    public void Each_counting_type_counts_its_reported_figure(LicenseCountingType type, long expected)
    {
        var demand = Demand(type, Server);

        Assert.NotNull(demand);
        Assert.False(demand.IsRefused);
        Assert.Equal(expected, demand.Count);
        Assert.False(demand.PerHost);
    }

    [Theory]
    [InlineData(LicenseCountingType.VCpu, "#maximumVcpus=16", LicenseRefusalKind.AboveMaximum)]
    [InlineData(LicenseCountingType.Instance, "#minimumVcpus=64", LicenseRefusalKind.BelowMinimum)]
    [InlineData(LicenseCountingType.Core, "#maximumCores=8", LicenseRefusalKind.AboveMaximum)]
    [InlineData(LicenseCountingType.Socket, "#minimumSockets=4", LicenseRefusalKind.BelowMinimum)]
    [InlineData(LicenseCountingType.VCpu, "#allowedTenancy=EC2-Default", LicenseRefusalKind.Tenancy)]
    public void Minimum_maximum_and_tenancy_rules_apply_as_for_instances(LicenseCountingType type, string rule, LicenseRefusalKind refusal)
    {
        var demand = Demand(type, Server, rule);

        Assert.NotNull(demand);
        Assert.Equal(refusal, demand.Refusal);
        Assert.False(string.IsNullOrEmpty(demand.Reason));
    }

    [Fact]
    public void Rules_within_range_and_dedicated_tenancy_allow_the_server()
    {
        var demand = Demand(LicenseCountingType.Core, Server, "#minimumCores=8", "#maximumCores=16", "#allowedTenancy=EC2-DedicatedHost");

        Assert.Equal(16, demand!.Count);
        Assert.False(demand.IsRefused);
    }

    [Theory]
    [InlineData(LicenseCountingType.VCpu)]
    [InlineData(LicenseCountingType.Core)]
    [InlineData(LicenseCountingType.Socket)]
    public void Without_reported_processors_a_counting_type_that_needs_them_waits(LicenseCountingType type)
    {
        Assert.Null(Demand(type, Server with { Processors = null }));
        Assert.Null(Demand(type, Server with { Processors = new ServerProcessors(null, null, null) }));
    }

    [Fact]
    public void Instance_counting_needs_no_processors_unless_a_vcpu_rule_looks_at_them()
    {
        var unknown = Server with { Processors = null };

        Assert.Equal(1, Demand(LicenseCountingType.Instance, unknown)!.Count);
        Assert.Null(Demand(LicenseCountingType.Instance, unknown, "#maximumVcpus=8"));
    }

    [Fact]
    public void A_server_is_active_until_its_last_report_is_older_than_the_period()
    {
        var period = TimeSpan.FromDays(30);

        Assert.True(ManagedServerCounting.IsActive(Server, Now.AddDays(30), period));
        Assert.False(ManagedServerCounting.IsActive(Server, Now.AddDays(30).AddSeconds(1), period));
    }

    [Fact]
    public void Processors_are_read_from_the_detailed_information_entry_and_bad_figures_are_unknown()
    {
        var read = ServerProcessors.FromInventory(new Dictionary<string, string>
        {
            ["CPUSockets"] = "2", ["CPUCores"] = "x", ["CPUs"] = "0", ["CPUModel"] = "Xeon",
        });

        Assert.Equal(new ServerProcessors(2, null, null), read);
        Assert.Null(ServerProcessors.FromInventory(null));
    }

    [Theory]
    [InlineData("arn:aws:ssm:us-east-1:111111111111:managed-instance/mi-0123456789abcdef0", LicensedResourceKind.ManagedServer)]
    [InlineData("arn:aws:ec2:us-east-1:111111111111:instance/i-0123456789abcdef0", LicensedResourceKind.Instance)]
    [InlineData("arn:aws:ec2:us-east-1::image/ami-0123456789abcdef0", LicensedResourceKind.Image)]
    public void Resource_arns_of_servers_instances_and_images_parse(string text, LicensedResourceKind kind)
    {
        Assert.True(LicensedResourceArn.TryParse(text, out var arn));
        Assert.Equal(kind, arn.Kind);
        Assert.Equal(text, arn.Canonical(new Scope("111111111111", "us-east-1")));
    }

    [Theory]
    [InlineData("arn:aws:ssm:us-east-1::managed-instance/mi-0123456789abcdef0")]
    [InlineData("arn:aws:ssm:us-east-1:111111111111:managed-instance/i-0123456789abcdef0")]
    [InlineData("arn:aws:ssm:us-east-1:111111111111:managed-instance/mi-0123")]
    [InlineData("arn:aws:ssm:us-east-1:111111111111:document/mi-0123456789abcdef0")]
    public void Malformed_server_arns_do_not_parse(string text) => Assert.False(LicensedResourceArn.TryParse(text, out _));

    private static LicenseDemand? Demand(LicenseCountingType type, LicensedServer server, params string[] rules)
    {
        var configuration = new LicenseConfiguration
        {
            Id = "lic-0", Arn = "arn:aws:license-manager:us-east-1:111111111111:license-configuration:lic-0", AccountId = "111111111111",
            Region = "us-east-1", Name = "servers", CountingType = type, Rules = rules, CreatedAt = Now, UpdatedAt = Now,
        };
        return ManagedServerCounting.Demand(configuration, LicenseRuleParser.ForConfiguration(configuration), server);
    }
}
