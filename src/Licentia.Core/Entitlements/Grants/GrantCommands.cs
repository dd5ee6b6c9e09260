using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Tagging;

namespace Licentia.Core.Entitlements.Grants;

/// <summary>CreateGrant. The model allows exactly one principal.</summary>
public sealed record CreateGrantCommand
{
    public required string GrantName { get; init; }
    public required string LicenseArn { get; init; }
    public required IReadOnlyList<string> Principals { get; init; }
    public required string HomeRegion { get; init; }
    public required IReadOnlyList<string> AllowedOperations { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

/// <summary>CreateGrantVersion: a null member stays as it is.</summary>
public sealed record CreateGrantVersionCommand
{
    public required string GrantArn { get; init; }
    public string? GrantName { get; init; }
    public IReadOnlyList<string>? AllowedOperations { get; init; }
    public GrantStatus? Status { get; init; }
    public string? StatusReason { get; init; }
    public string? SourceVersion { get; init; }
    public string? ActivationOverrideBehavior { get; init; }
}

/// <summary>ListDistributedGrants and ListReceivedGrants.</summary>
public sealed record ListGrantsCommand
{
    public IReadOnlyList<string>? GrantArns { get; init; }
    public IReadOnlyList<ListFilter>? Filters { get; init; }
    public int? MaxResults { get; init; }
    public string? After { get; init; }
}
