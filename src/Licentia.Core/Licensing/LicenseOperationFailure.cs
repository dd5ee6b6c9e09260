namespace Licentia.Core.Licensing;

/// <summary>
/// A refused licensing operation (or a soft-limit alert), kept for ListFailuresForLicenseConfigurationOperations.
/// Written in a transaction of its own, so the refused operation itself leaves nothing behind.
/// </summary>
public sealed record LicenseOperationFailure
{
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string LicenseConfigurationId { get; init; }
    public required string ResourceArn { get; init; }
    public required LicenseResourceType ResourceType { get; init; }
    public required string ResourceOwnerId { get; init; }
    public required string ErrorMessage { get; init; }
    public required DateTimeOffset FailureTime { get; init; }
    /// <summary>The API operation, e.g. RunInstances, StartInstances, UpdateLicenseSpecificationsForResource.</summary>
    public required string OperationName { get; init; }
    public required string OperationRequestedBy { get; init; }
    public IReadOnlyList<FailureMetadata> Metadata { get; init; } = [];

    public Scope Scope => new(AccountId, Region);
}

public sealed record FailureMetadata(string Name, string Value);

/// <summary>Names of the metadata Licentia attaches to failure records.</summary>
public static class FailureMetadataNames
{
    /// <summary>"Refused" (nothing was done) or "SoftLimitExceeded" (done, over the soft limit).</summary>
    public const string Outcome = "Outcome";
    public const string Refused = "Refused";
    public const string SoftLimitExceeded = "SoftLimitExceeded";
}
