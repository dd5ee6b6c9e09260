namespace Licentia.Core.Compute.Instances;

/// <summary>One member of the answer of Start, Stop and TerminateInstances.</summary>
public sealed record InstanceStateChange(string InstanceId, InstanceState PreviousState, InstanceState CurrentState);
