using Licentia.Core.Compute.Errors;

namespace Licentia.Core.Compute.Instances;

/// <summary>
/// An EC2 instance. Immutable; its lifecycle moves only through the verb methods below, which follow
/// the documented transitions (launch or start: pending then running; stop: stopping then stopped;
/// terminate: shutting-down then terminated) and refuse every other move with
/// <see cref="IncorrectInstanceState"/>.
/// </summary>
public sealed record Ec2Instance
{
    /// <summary>i-&lt;17 hex&gt;</summary>
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string ReservationId { get; init; }
    public required string ImageId { get; init; }
    public required string InstanceType { get; init; }
    public Placement Placement { get; init; } = new();
    /// <summary>Null when launched with the type's defaults.</summary>
    public CpuOptions? CpuOptions { get; init; }
    public InstanceState State { get; init; } = InstanceState.Pending;
    public string StateTransitionReason { get; init; } = string.Empty;
    public required DateTimeOffset LaunchTime { get; init; }
    /// <summary>ARNs of the license configurations associated with the instance.</summary>
    public IReadOnlyList<string> Licenses { get; init; } = [];
    public required string PlatformDetails { get; init; }
    public required string UsageOperation { get; init; }
    public required DateTimeOffset UsageOperationUpdateTime { get; init; }
    public string? LaunchTemplateId { get; init; }
    public long Version { get; init; } = 1;

    public Scope Scope => new(AccountId, Region);

    public string Arn => Ec2Ids.InstanceArn(Scope, Id);

    /// <summary>pending to running: the launch or start has completed.</summary>
    public Ec2Instance MarkRunning() => Move([InstanceState.Pending], InstanceState.Running, "start", string.Empty);

    /// <summary>running to stopping.</summary>
    public Ec2Instance BeginStop(DateTimeOffset now) =>
        Move([InstanceState.Running], InstanceState.Stopping, "stop", $"User initiated ({Stamp(now)})");

    /// <summary>stopping to stopped.</summary>
    public Ec2Instance CompleteStop() => Move([InstanceState.Stopping], InstanceState.Stopped, "stop", StateTransitionReason);

    /// <summary>stopped to pending. A start sets a new launch time, as EC2 does.</summary>
    public Ec2Instance BeginStart(DateTimeOffset now) =>
        Move([InstanceState.Stopped], InstanceState.Pending, "start", string.Empty) with { LaunchTime = now };

    /// <summary>pending, running, stopping or stopped to shutting-down.</summary>
    public Ec2Instance BeginTerminate(DateTimeOffset now) =>
        Move(
            [InstanceState.Pending, InstanceState.Running, InstanceState.Stopping, InstanceState.Stopped],
            InstanceState.ShuttingDown,
            "terminate",
            $"User initiated ({Stamp(now)})");

    /// <summary>shutting-down to terminated.</summary>
    public Ec2Instance CompleteTermination() =>
        Move([InstanceState.ShuttingDown], InstanceState.Terminated, "terminate", StateTransitionReason);

    /// <summary>Placement may change only while the instance is stopped.</summary>
    public Ec2Instance MoveTo(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (State != InstanceState.Stopped)
        {
            throw Incorrect("modify the placement of", [InstanceState.Stopped]);
        }

        return this with { Placement = placement };
    }

    private Ec2Instance Move(InstanceState[] from, InstanceState to, string verb, string reason) =>
        from.Contains(State) ? this with { State = to, StateTransitionReason = reason } : throw Incorrect(verb, from);

    private IncorrectInstanceState Incorrect(string verb, InstanceState[] from) =>
        new($"The instance '{Id}' is not in a state from which it can {verb}: it is {InstanceStateNames.ToWire(State)}, " +
            $"and this needs {string.Join(" or ", from.Select(InstanceStateNames.ToWire))}.");

    private static string Stamp(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'GMT'", System.Globalization.CultureInfo.InvariantCulture);
}
