namespace Licentia.Core.Entitlements.Grants;

/// <summary>
/// A grant of a license to one principal, as stored, with its versions (oldest first, each immutable). The grantor
/// is the license's issuer or, for a redistributed grant, a grantee holding CreateGrant (<see cref="ParentArn"/> is
/// then the grant it received). Grants live in the license's HomeRegion (<see cref="Region"/>); the grantor finds
/// them by its account, the grantee by <see cref="GranteeAccountId"/>.
/// </summary>
public sealed record Grant
{
    /// <summary>g-&lt;32 lowercase hex&gt;</summary>
    public required string Id { get; init; }
    public required string Arn { get; init; }
    /// <summary>The grantor's account.</summary>
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string LicenseArn { get; init; }
    /// <summary>The license ARN for a grant by the issuer; the parent grant's ARN for a redistributed grant.</summary>
    public required string ParentArn { get; init; }
    public required string GranteePrincipalArn { get; init; }
    /// <summary>The grantee account; null for an organization principal until the Organizations workflow resolves members.</summary>
    public string? GranteeAccountId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<GrantVersion> Versions { get; init; }

    public GrantVersion Latest => Versions[^1];

    /// <summary>The current version number; also the optimistic-concurrency version of the stored row.</summary>
    public long Version => Latest.Number;

    public GrantStatus Status => Latest.Status;

    public Scope Scope => new(AccountId, Region);

    public bool IsRedistributed => ParentArn != LicenseArn;

    public GrantVersion? FindVersion(long number) => number >= 1 && number <= Versions.Count ? Versions[(int)(number - 1)] : null;
}

/// <summary>One immutable version of a grant: what was granted, its status and why.</summary>
public sealed record GrantVersion
{
    public required long Number { get; init; }
    public required string Name { get; init; }
    public required GrantStatus Status { get; init; }
    public string? StatusReason { get; init; }
    public required IReadOnlyList<GrantOperation> AllowedOperations { get; init; }
    /// <summary>
    /// Options.ActivationOverrideBehavior chosen at activation (DISTRIBUTED_GRANTS_ONLY | ALL_GRANTS_PERMITTED_BY_ISSUER);
    /// recorded and returned only: it applies to AWS Marketplace-sourced licenses, which Licentia does not have.
    /// </summary>
    public string? ActivationOverrideBehavior { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public bool Allows(GrantOperation operation) => AllowedOperations.Contains(operation);
}
