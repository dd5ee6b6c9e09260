namespace Licentia.Core.Entitlements.Licenses;

/// <summary>
/// A seller-issued license as stored: its identity, its versions (oldest first, each immutable) and the facts
/// its status is derived from. It lives in the issuer's account and its HomeRegion (<see cref="Region"/>):
/// every store query is scoped by that pair, or, for a grantee, by the grantee's account and the same Region.
/// </summary>
public sealed record License
{
    /// <summary>l-&lt;32 lowercase hex&gt;</summary>
    public required string Id { get; init; }
    public required string Arn { get; init; }
    /// <summary>The issuer's (seller's) account.</summary>
    public required string AccountId { get; init; }
    /// <summary>The HomeRegion: where the license and its grants live.</summary>
    public required string Region { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Set by DeleteLicense; from then on the license is read-only.</summary>
    public DateTimeOffset? DeletedAt { get; init; }
    /// <summary>When a deleted license stops being readable: <see cref="DeletedAt"/> plus the retention of six months.</summary>
    public DateTimeOffset? DeletionDate { get; init; }
    public required IReadOnlyList<LicenseVersion> Versions { get; init; }

    public LicenseVersion Latest => Versions[^1];

    /// <summary>The current version number; also the optimistic-concurrency version of the stored row.</summary>
    public long Version => Latest.Number;

    public Scope Scope => new(AccountId, Region);

    public LicenseVersion? FindVersion(long number) => number >= 1 && number <= Versions.Count ? Versions[(int)(number - 1)] : null;
}

/// <summary>A license as one caller sees it at one instant: which version, and the status derived then.</summary>
public sealed record LicenseView(License License, LicenseVersion Version, LicenseStatus Status);
