using Licentia.Core;

namespace Licentia.Storage.Db;

/// <summary>
/// Names of the serialization locks. A name covers one scope and one kind of counted thing, so
/// creators in different accounts or regions never wait for each other.
/// </summary>
internal static class LockNames
{
    public static string LicenseConfigurationQuota(Scope scope) => Compose(scope, "license-configurations", string.Empty);

    public static string ResourceTags(Scope scope, string resourceArn) => Compose(scope, "tags", resourceArn);

    // NUL cannot occur in account ids, regions or ARNs, so distinct parts never compose to the same name.
    private static string Compose(Scope scope, string kind, string resource) =>
        string.Join('\0', scope.AccountId, scope.Region, kind, resource);
}
