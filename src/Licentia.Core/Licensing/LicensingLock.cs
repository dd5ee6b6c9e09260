namespace Licentia.Core.Licensing;

/// <summary>What a licensing transaction serializes on.</summary>
public enum LicensingLockKind
{
    /// <summary>A license configuration: its check-and-consume, associations and deletion.</summary>
    Configuration,
    /// <summary>The Dedicated Hosts of a scope: placement and capacity, allocation and release.</summary>
    HostPlacement,
    /// <summary>One instance: its state changes.</summary>
    Instance,
    /// <summary>One managed server (mi-…): its associations and what it consumes.</summary>
    ManagedServer,
}

/// <summary>
/// A lock a licensing transaction takes. All locks of a transaction are taken at once, in the stable
/// order of their names, so two transactions that need overlapping locks cannot deadlock.
/// </summary>
public readonly record struct LicensingLock(LicensingLockKind Kind, Scope Scope, string Id)
{
    public static LicensingLock Configuration(Scope scope, string configurationId) => new(LicensingLockKind.Configuration, scope, configurationId);

    public static LicensingLock HostPlacement(Scope scope) => new(LicensingLockKind.HostPlacement, scope, string.Empty);

    public static LicensingLock Instance(Scope scope, string instanceId) => new(LicensingLockKind.Instance, scope, instanceId);

    public static LicensingLock ManagedServer(Scope scope, string serverId) => new(LicensingLockKind.ManagedServer, scope, serverId);
}
