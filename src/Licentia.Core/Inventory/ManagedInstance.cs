using Licentia.Core.Tagging;

namespace Licentia.Core.Inventory;

/// <summary>
/// A server registered through an activation: a managed node with id <c>mi-</c> and 17 hex digits. What the
/// agent reports about its host (platform, agent version, computer name, address) is kept here; the ping
/// status is derived from <see cref="LastPingAt"/> and the clock (<see cref="PingStatusRules"/>).
/// </summary>
public sealed record ManagedInstance
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string ActivationId { get; init; }

    public required string IamRole { get; init; }

    /// <summary>The activation's default instance name (may be empty).</summary>
    public string Name { get; init; } = string.Empty;

    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The last heartbeat: a signed call of the instance's own credentials (registration counts as the first).</summary>
    public required DateTimeOffset LastPingAt { get; init; }

    public required HostFacts Facts { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public Scope Scope => new(AccountId, Region);

    public string Arn => ManagedInstanceIds.Arn(Scope, Id);

    public PingStatus PingStatus(DateTimeOffset now, InventoryOptions options) => PingStatusRules.Of(LastPingAt, now, options);
}

/// <summary>What an agent says about its host, as SSM's AWS:InstanceInformation carries it. Empty when unknown.</summary>
public sealed record HostFacts
{
    public string ComputerName { get; init; } = string.Empty;

    /// <summary>Linux, Windows or MacOS.</summary>
    public string PlatformType { get; init; } = string.Empty;

    public string PlatformName { get; init; } = string.Empty;

    public string PlatformVersion { get; init; } = string.Empty;

    public string AgentVersion { get; init; } = string.Empty;

    public string IpAddress { get; init; } = string.Empty;
}
