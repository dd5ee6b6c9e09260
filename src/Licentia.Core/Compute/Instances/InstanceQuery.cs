namespace Licentia.Core.Compute.Instances;

/// <summary>What DescribeInstances asks the store for; same conventions as the other queries.</summary>
public sealed record InstanceQuery
{
    public IReadOnlyList<string>? Ids { get; init; }
    public IReadOnlyList<InstanceState>? States { get; init; }
    public IReadOnlyList<string>? InstanceTypes { get; init; }
    public IReadOnlyList<string>? ImageIds { get; init; }
    public IReadOnlyList<string>? HostIds { get; init; }
    public IReadOnlyList<Tenancy>? Tenancies { get; init; }
    public int Limit { get; init; } = 1000;
    public string? After { get; init; }
}
