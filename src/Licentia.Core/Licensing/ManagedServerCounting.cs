using Licentia.Core.LicenseConfigurations;
using Licentia.Core.LicenseConfigurations.Rules;

namespace Licentia.Core.Licensing;

/// <summary>
/// How a managed server consumes, expressed through <see cref="LicenseCounter"/> so the counting rules are the ones
/// instances follow:
/// <list type="bullet">
/// <item>vCPU: its logical processors (CPUs); Core: its physical cores (CPUCores); Socket: its sockets (CPUSockets);
/// Instance: 1. The server is its own hardware, so Core and Socket count once for the server, and #minimumCores /
/// #maximumCores look at its physical cores, #minimumSockets / #maximumSockets at its sockets, #minimumVcpus /
/// #maximumVcpus at its logical processors (also under Instance counting).</item>
/// <item>A server is dedicated hardware: #allowedTenancy must allow EC2-DedicatedHost (or be absent).</item>
/// <item>A server consumes only while it is active: its agent reported within the inactivity period. An inactive
/// server keeps its associations and consumes again once it reports.</item>
/// <item>A figure the configuration needs and the server has not reported yet (no AWS:InstanceDetailedInformation)
/// means the server does not consume yet: nothing is counted for it until the figure arrives, when the next
/// discovery run counts it (and a hard limit may then refuse it, recorded as a failure).</item>
/// </list>
/// </summary>
public static class ManagedServerCounting
{
    /// <summary>Whether the server still counts as in use: its last report is at most <paramref name="inactiveAfter"/> old.</summary>
    public static bool IsActive(LicensedServer server, DateTimeOffset now, TimeSpan inactiveAfter)
    {
        ArgumentNullException.ThrowIfNull(server);
        return now - server.LastReportAt <= inactiveAfter;
    }

    /// <summary>
    /// What the server needs from the configuration (a count, or a refusal with its reason), or null when the
    /// configuration needs a processor figure the server has not reported.
    /// </summary>
    public static LicenseDemand? Demand(LicenseConfiguration configuration, LicenseRuleSet rules, LicensedServer server)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(server);
        var processors = server.Processors;
        var needsLogical = configuration.CountingType == LicenseCountingType.VCpu
            || rules.MinimumVcpus is not null || rules.MaximumVcpus is not null;
        if ((needsLogical && processors?.LogicalProcessors is null)
            || (configuration.CountingType == LicenseCountingType.Core && processors?.Cores is null)
            || (configuration.CountingType == LicenseCountingType.Socket && processors?.Sockets is null))
        {
            return null;
        }

        var facts = new ResourceFacts
        {
            Tenancy = Ec2Tenancy.DedicatedHost,
            DefaultVCpus = processors?.LogicalProcessors ?? 0,
            // Null: #minimumCores/#maximumCores look at the "host" cores, which are the server's own.
            DefaultCores = null,
            Host = new HostFacts(server.Id, processors?.Sockets ?? 0, processors?.Cores ?? 0),
        };

        // The server is the hardware: what the counter would hold once per host is held by the server's own row.
        return LicenseCounter.Evaluate(configuration, rules, facts) with { PerHost = false };
    }
}
