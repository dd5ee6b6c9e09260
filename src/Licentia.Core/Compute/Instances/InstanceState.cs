using Licentia.Core.Compute.Errors;

namespace Licentia.Core.Compute.Instances;

/// <summary>The EC2 instance lifecycle states with their documented codes (the low byte of <c>InstanceState.Code</c>).</summary>
public enum InstanceState
{
    Pending = 0,
    Running = 16,
    ShuttingDown = 32,
    Terminated = 48,
    Stopping = 64,
    Stopped = 80,
}

public static class InstanceStateNames
{
    public static IReadOnlyList<string> All { get; } = ["pending", "running", "shutting-down", "terminated", "stopping", "stopped"];

    public static string ToWire(InstanceState state) => state switch
    {
        InstanceState.Pending => "pending",
        InstanceState.Running => "running",
        InstanceState.ShuttingDown => "shutting-down",
        InstanceState.Terminated => "terminated",
        InstanceState.Stopping => "stopping",
        InstanceState.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown instance state."),
    };

    public static InstanceState Parse(string? text)
    {
        foreach (var state in Enum.GetValues<InstanceState>())
        {
            if (ToWire(state) == text)
            {
                return state;
            }
        }

        throw new InvalidParameterValue($"'{text}' is not an instance state. Valid: {string.Join(", ", All)}.");
    }

    /// <summary>Consuming states: an instance in one of them uses its licenses.</summary>
    public static bool IsConsuming(InstanceState state) => state is InstanceState.Pending or InstanceState.Running;
}
