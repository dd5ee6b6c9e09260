using Licentia.Core.LicenseConfigurations;

namespace Licentia.Core.Licensing;

/// <summary>
/// A configuration refused an operation. Internal to the core: managers record it as a failure and turn it
/// into the error of their API (EC2 or License Manager).
/// </summary>
internal sealed class LicenseRefusalException(
    LicenseConfiguration configuration, LicenseRefusalKind kind, string message, string resourceArn, LicenseResourceType resourceType, string resourceOwnerId)
    : Exception(message)
{
    public LicenseConfiguration Configuration { get; } = configuration;

    public LicenseRefusalKind Kind { get; } = kind;

    public string ResourceArn { get; } = resourceArn;

    public LicenseResourceType ResourceType { get; } = resourceType;

    public string ResourceOwnerId { get; } = resourceOwnerId;
}

/// <summary>The locks taken no longer cover what the transaction found after taking them; the operation starts over.</summary>
internal sealed class LockSetChangedException() : Exception("The set of license configurations changed while locking; retrying.");
