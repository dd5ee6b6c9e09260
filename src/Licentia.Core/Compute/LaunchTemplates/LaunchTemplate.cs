using Licentia.Core.Compute.Instances;

namespace Licentia.Core.Compute.LaunchTemplates;

/// <summary>
/// A launch template with its versions (kept together: a template has few). CreateLaunchTemplate makes
/// version 1, which is the default and the latest.
/// </summary>
public sealed record LaunchTemplate
{
    /// <summary>lt-&lt;17 hex&gt;</summary>
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Who created it: the account id (Licentia has no IAM principals).</summary>
    public required string CreatedBy { get; init; }
    public long DefaultVersionNumber { get; init; } = 1;
    public required IReadOnlyList<LaunchTemplateVersion> Versions { get; init; }

    public Scope Scope => new(AccountId, Region);

    public long LatestVersionNumber => Versions.Max(v => v.VersionNumber);

    /// <summary>Resolves "$Latest", "$Default", a number, or null (the default version).</summary>
    public LaunchTemplateVersion? FindVersion(string? version) => version switch
    {
        null or "$Default" => Versions.FirstOrDefault(v => v.VersionNumber == DefaultVersionNumber),
        "$Latest" => Versions.MaxBy(v => v.VersionNumber),
        _ => long.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? Versions.FirstOrDefault(v => v.VersionNumber == n)
            : null,
    };
}

public sealed record LaunchTemplateVersion(long VersionNumber, string? VersionDescription, DateTimeOffset CreatedAt, LaunchTemplateData Data);

/// <summary>The launch parameters a template carries (the subset the licensing engine cares about).</summary>
public sealed record LaunchTemplateData
{
    public string? ImageId { get; init; }
    public string? InstanceType { get; init; }
    public Placement? Placement { get; init; }
    public CpuOptions? CpuOptions { get; init; }
    /// <summary>License configuration ARNs to associate with instances launched from the template.</summary>
    public IReadOnlyList<string> LicenseConfigurationArns { get; init; } = [];
}

/// <summary>What DescribeLaunchTemplates asks the store for.</summary>
public sealed record LaunchTemplateQuery
{
    public IReadOnlyList<string>? Ids { get; init; }
    public IReadOnlyList<string>? Names { get; init; }
    public int Limit { get; init; } = 1000;
    public string? After { get; init; }
}
