using Licentia.Core;
using Licentia.Core.Licensing;

namespace Licentia.Storage.Db;

/// <summary>
/// Lock names of the compute and licensing stores, composed like <see cref="LockNames"/> (scope first, NUL
/// separated) so they never collide with each other or with the existing names. Transactions sort the names
/// ordinally before taking them: every node takes overlapping locks in the same order.
/// </summary>
internal static class ComputeLockNames
{
    public static string ImageNames(Scope scope) => Compose(scope, "image-names", string.Empty);

    public static string LaunchTemplateNames(Scope scope) => Compose(scope, "launch-template-names", string.Empty);

    /// <summary>Also taken by the license configuration store when it deletes a configuration.</summary>
    public static string LicenseConfiguration(Scope scope, string configurationId) => Compose(scope, "license-configuration", configurationId);

    public static string For(LicensingLock licensingLock) => licensingLock.Kind switch
    {
        LicensingLockKind.Configuration => LicenseConfiguration(licensingLock.Scope, licensingLock.Id),
        LicensingLockKind.HostPlacement => Compose(licensingLock.Scope, "host-placement", string.Empty),
        LicensingLockKind.Instance => Compose(licensingLock.Scope, "instance", licensingLock.Id),
        LicensingLockKind.ManagedServer => Compose(licensingLock.Scope, "managed-server", licensingLock.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(licensingLock), licensingLock.Kind, "Unknown lock kind."),
    };

    private static string Compose(Scope scope, string kind, string resource) =>
        string.Join('\0', scope.AccountId, scope.Region, kind, resource);
}
