using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.LicenseConfigurations.Rules;

namespace Licentia.Core.Tests.LicenseConfigurations;

public class LicenseRuleParserTests
{
    // The rule table of the user guide: rule x counting type -> accepted?
    [Theory]
    [InlineData("#minimumVcpus=2", LicenseCountingType.VCpu, true)]
    [InlineData("#maximumVcpus=2", LicenseCountingType.VCpu, true)]
    [InlineData("#honorVcpuOptimization=True", LicenseCountingType.VCpu, true)]
    [InlineData("#allowedTenancy=EC2-Default", LicenseCountingType.VCpu, true)]
    [InlineData("#minimumCores=2", LicenseCountingType.VCpu, false)]
    [InlineData("#minimumSockets=2", LicenseCountingType.VCpu, false)]
    [InlineData("#licenseAffinityToHost=30", LicenseCountingType.VCpu, false)]
    [InlineData("#minimumVcpus=2", LicenseCountingType.Instance, true)]
    [InlineData("#maximumVcpus=2", LicenseCountingType.Instance, true)]
    [InlineData("#allowedTenancy=EC2-DedicatedInstance", LicenseCountingType.Instance, true)]
    [InlineData("#honorVcpuOptimization=True", LicenseCountingType.Instance, false)]
    [InlineData("#minimumCores=2", LicenseCountingType.Instance, false)]
    [InlineData("#licenseAffinityToHost=30", LicenseCountingType.Instance, false)]
    [InlineData("#minimumCores=2", LicenseCountingType.Core, true)]
    [InlineData("#maximumCores=2", LicenseCountingType.Core, true)]
    [InlineData("#licenseAffinityToHost=30", LicenseCountingType.Core, true)]
    [InlineData("#allowedTenancy=EC2-DedicatedHost", LicenseCountingType.Core, true)]
    [InlineData("#minimumVcpus=2", LicenseCountingType.Core, false)]
    [InlineData("#minimumSockets=2", LicenseCountingType.Core, false)]
    [InlineData("#honorVcpuOptimization=False", LicenseCountingType.Core, false)]
    [InlineData("#minimumSockets=2", LicenseCountingType.Socket, true)]
    [InlineData("#maximumSockets=2", LicenseCountingType.Socket, true)]
    [InlineData("#licenseAffinityToHost=180", LicenseCountingType.Socket, true)]
    [InlineData("#allowedTenancy=EC2-DedicatedHost", LicenseCountingType.Socket, true)]
    [InlineData("#minimumCores=2", LicenseCountingType.Socket, false)]
    [InlineData("#maximumVcpus=2", LicenseCountingType.Socket, false)]
    public void Follows_the_rule_table(string rule, LicenseCountingType type, bool accepted)
    {
        if (accepted)
        {
            Assert.False(LicenseRuleParser.Parse([rule], type).IsEmpty);
        }
        else
        {
            var error = Assert.Throws<InvalidParameterValueException>(() => LicenseRuleParser.Parse([rule], type));
            Assert.Contains("not available for counting type", error.Message, StringComparison.Ordinal);
            Assert.Contains("Rules available for", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parses_into_typed_properties()
    {
        var rules = LicenseRuleParser.Parse(
            ["#minimumVcpus=2", "#maximumVcpus=64", "#honorVcpuOptimization=False", "#allowedTenancy=EC2-Default|EC2-DedicatedHost"],
            LicenseCountingType.VCpu);

        Assert.Equal(
            new LicenseRuleSet
            {
                MinimumVcpus = 2,
                MaximumVcpus = 64,
                HonorVcpuOptimization = false,
                AllowedTenancies = [Ec2Tenancy.Default, Ec2Tenancy.DedicatedHost],
            },
            rules);
        Assert.True(rules.AllowsTenancy(Ec2Tenancy.DedicatedHost));
        Assert.False(rules.AllowsTenancy(Ec2Tenancy.DedicatedInstance));
    }

    [Fact]
    public void Core_rules_parse_with_affinity()
    {
        var rules = LicenseRuleParser.Parse(["#minimumCores=4", "#maximumCores=4", "#licenseAffinityToHost=90"], LicenseCountingType.Core);

        Assert.Equal(4, rules.MinimumCores);
        Assert.Equal(4, rules.MaximumCores);
        Assert.Equal(90, rules.LicenseAffinityToHostDays);
        Assert.Null(rules.AllowedTenancies);
        Assert.True(rules.AllowsTenancy(Ec2Tenancy.Default));
    }

    [Fact]
    public void No_rules_is_the_empty_set()
    {
        Assert.Same(LicenseRuleSet.Empty, LicenseRuleParser.Parse(null, LicenseCountingType.Core));
        Assert.Same(LicenseRuleSet.Empty, LicenseRuleParser.Parse([], LicenseCountingType.Core));
    }

    [Theory]
    [InlineData("#honorVcpuOptimization=true", true)]
    [InlineData("#honorVcpuOptimization=TRUE", true)]
    [InlineData("#honorVcpuOptimization=False", false)]
    public void Booleans_ignore_case(string rule, bool expected)
    {
        Assert.Equal(expected, LicenseRuleParser.Parse([rule], LicenseCountingType.VCpu).HonorVcpuOptimization);
    }

    [Theory]
    [InlineData("minimumCores=4", "malformed")]
    [InlineData("#minimumCores", "malformed")]
    [InlineData("#minimumCores=", "malformed")]
    [InlineData("#=4", "malformed")]
    [InlineData("#minimumCores = 4", "malformed")]
    [InlineData(" #minimumCores=4", "malformed")]
    [InlineData("#minimumCores=4=5", "malformed")]
    [InlineData("", "empty")]
    [InlineData("#maximumThreads=4", "unknown rule 'maximumThreads'")]
    [InlineData("#MinimumCores=4", "unknown rule 'MinimumCores'")]
    [InlineData("#minimumCores=0", "whole number from 1")]
    [InlineData("#minimumCores=-1", "whole number from 1")]
    [InlineData("#minimumCores=+4", "whole number from 1")]
    [InlineData("#minimumCores=4.5", "whole number from 1")]
    [InlineData("#minimumCores=four", "whole number from 1")]
    [InlineData("#minimumCores=99999999999", "whole number from 1")]
    [InlineData("#licenseAffinityToHost=0", "from 1 to 180")]
    [InlineData("#licenseAffinityToHost=181", "from 1 to 180")]
    [InlineData("#licenseAffinityToHost=x", "from 1 to 180")]
    [InlineData("#allowedTenancy=EC2-Default", "Dedicated Hosts are required")]
    [InlineData("#allowedTenancy=EC2-DedicatedInstance", "Dedicated Hosts are required")]
    [InlineData("#allowedTenancy=EC2-Shared", "unknown tenancy 'EC2-Shared'")]
    [InlineData("#allowedTenancy=EC2-DedicatedHost|", "unknown tenancy ''")]
    [InlineData("#allowedTenancy=EC2-DedicatedHost|EC2-DedicatedHost", "more than once")]
    public void Refuses_bad_core_rules_naming_the_problem(string rule, string expected)
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => LicenseRuleParser.Parse([rule], LicenseCountingType.Core));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#honorVcpuOptimization=yes", "True or False")]
    [InlineData("#allowedTenancy=EC2-Default|EC2-Dedicated", "unknown tenancy 'EC2-Dedicated'")]
    public void Refuses_bad_vcpu_rules_naming_the_problem(string rule, string expected)
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => LicenseRuleParser.Parse([rule], LicenseCountingType.VCpu));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_rule_given_twice()
    {
        var error = Assert.Throws<InvalidParameterValueException>(
            () => LicenseRuleParser.Parse(["#minimumCores=2", "#minimumCores=4"], LicenseCountingType.Core));
        Assert.Contains("'minimumCores' is given more than once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LicenseCountingType.VCpu, "#minimumVcpus=8", "#maximumVcpus=4", "minimumVcpus")]
    [InlineData(LicenseCountingType.Instance, "#maximumVcpus=1", "#minimumVcpus=2", "minimumVcpus")]
    [InlineData(LicenseCountingType.Core, "#minimumCores=8", "#maximumCores=4", "minimumCores")]
    [InlineData(LicenseCountingType.Socket, "#minimumSockets=3", "#maximumSockets=2", "minimumSockets")]
    public void Refuses_a_minimum_above_its_maximum(LicenseCountingType type, string first, string second, string rule)
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => LicenseRuleParser.Parse([first, second], type));
        Assert.Contains($"'{rule}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("must not exceed the maximum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minimum_equal_to_the_maximum_is_fine()
    {
        var rules = LicenseRuleParser.Parse(["#minimumSockets=2", "#maximumSockets=2"], LicenseCountingType.Socket);

        Assert.Equal(2, rules.MinimumSockets);
        Assert.Equal(2, rules.MaximumSockets);
    }

    [Fact]
    public void Reads_the_rules_of_a_stored_configuration()
    {
        var configuration = new LicenseConfiguration
        {
            Id = "lic-0123456789abcdef0123456789abcdef",
            Arn = "arn",
            AccountId = "123456789012",
            Region = "us-east-1",
            Name = "n",
            CountingType = LicenseCountingType.Socket,
            Rules = ["#maximumSockets=4"],
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        Assert.Equal(4, LicenseRuleParser.ForConfiguration(configuration).MaximumSockets);
    }
}
