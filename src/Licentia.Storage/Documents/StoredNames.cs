using Licentia.Core.LicenseConfigurations;

namespace Licentia.Storage.Documents;

/// <summary>
/// Enum values as stored. Spelled out here (the AWS wire names, which never change) so that
/// renaming a C# enum member cannot silently change what is on disk.
/// </summary>
internal static class StoredNames
{
    public static string Of(LicenseCountingType type) => type switch
    {
        LicenseCountingType.VCpu => "vCPU",
        LicenseCountingType.Instance => "Instance",
        LicenseCountingType.Core => "Core",
        LicenseCountingType.Socket => "Socket",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown counting type."),
    };

    public static LicenseCountingType CountingType(string stored) => stored switch
    {
        "vCPU" => LicenseCountingType.VCpu,
        "Instance" => LicenseCountingType.Instance,
        "Core" => LicenseCountingType.Core,
        "Socket" => LicenseCountingType.Socket,
        _ => throw new InvalidOperationException($"Unknown stored counting type '{stored}'."),
    };

    public static string Of(LicenseConfigurationStatus status) => status switch
    {
        LicenseConfigurationStatus.Available => "AVAILABLE",
        LicenseConfigurationStatus.Disabled => "DISABLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static LicenseConfigurationStatus Status(string stored) => stored switch
    {
        "AVAILABLE" => LicenseConfigurationStatus.Available,
        "DISABLED" => LicenseConfigurationStatus.Disabled,
        _ => throw new InvalidOperationException($"Unknown stored status '{stored}'."),
    };
}
