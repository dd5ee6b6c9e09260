namespace Licentia.Core.Compute.Images;

/// <summary>Whether an image can be launched. Wire names: available, deregistered.</summary>
public enum ImageState
{
    Available,
    Deregistered,
}

/// <summary>
/// An Amazon Machine Image. Owned by one account in one Region; other accounts see it when it is
/// shared with them (<see cref="SharedWith"/>, EC2 launch permissions) or public.
/// </summary>
public sealed record Ec2Image
{
    /// <summary>ami-&lt;17 hex&gt;, unique in the Region.</summary>
    public required string Id { get; init; }
    /// <summary>The owner account.</summary>
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string Architecture { get; init; } = "x86_64";
    public string? RootDeviceName { get; init; }
    /// <summary>E.g. "Linux/UNIX", "Windows", "Windows with SQL Server Enterprise".</summary>
    public string PlatformDetails { get; init; } = ImageDefaults.PlatformDetails;
    /// <summary>The billing code, e.g. "RunInstances", "RunInstances:0002" (Windows).</summary>
    public string UsageOperation { get; init; } = ImageDefaults.UsageOperation;
    public required DateTimeOffset UsageOperationUpdateTime { get; init; }
    public ImageState State { get; init; } = ImageState.Available;
    public bool Public { get; init; }
    /// <summary>Accounts the owner granted launch permission to.</summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeregisteredAt { get; init; }
    public long Version { get; init; } = 1;

    public Scope OwnerScope => new(AccountId, Region);

    public string Arn => Ec2Ids.ImageArn(Region, Id);

    /// <summary>Whether <paramref name="accountId"/> may see and launch the image.</summary>
    public bool IsVisibleTo(string accountId) => AccountId == accountId || Public || SharedWith.Contains(accountId);
}

/// <summary>What RegisterImage records when the caller gives no platform: a Linux image billed as RunInstances.</summary>
public static class ImageDefaults
{
    public const string PlatformDetails = "Linux/UNIX";
    public const string UsageOperation = "RunInstances";
}

public static class ImageStateNames
{
    public const string Available = "available";
    public const string Deregistered = "deregistered";

    public static string ToWire(ImageState state) => state == ImageState.Available ? Available : Deregistered;
}
