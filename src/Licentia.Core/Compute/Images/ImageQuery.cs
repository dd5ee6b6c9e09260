namespace Licentia.Core.Compute.Images;

/// <summary>
/// What DescribeImages asks the store for. A null member does not filter; several values match any;
/// an empty list matches nothing. Results come in registration order, visible images only.
/// </summary>
public sealed record ImageQuery
{
    public IReadOnlyList<string>? Ids { get; init; }
    /// <summary>Owner account ids.</summary>
    public IReadOnlyList<string>? Owners { get; init; }
    public IReadOnlyList<ImageState>? States { get; init; } = [ImageState.Available];
    /// <summary>Name patterns with EC2 wildcards.</summary>
    public IReadOnlyList<string>? NamePatterns { get; init; }
    public IReadOnlyList<string>? PlatformDetails { get; init; }
    public IReadOnlyList<string>? UsageOperations { get; init; }
    public bool? Public { get; init; }
    public int Limit { get; init; } = 1000;
    public string? After { get; init; }
}
