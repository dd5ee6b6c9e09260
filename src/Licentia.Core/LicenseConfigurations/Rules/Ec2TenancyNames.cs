using System.Diagnostics.CodeAnalysis;

namespace Licentia.Core.LicenseConfigurations.Rules;

/// <summary>The console/API names of <see cref="Ec2Tenancy"/>: EC2-Default, EC2-DedicatedInstance, EC2-DedicatedHost.</summary>
public static class Ec2TenancyNames
{
    public const string Default = "EC2-Default";
    public const string DedicatedInstance = "EC2-DedicatedInstance";
    public const string DedicatedHost = "EC2-DedicatedHost";

    public static string ToWire(Ec2Tenancy tenancy) => tenancy switch
    {
        Ec2Tenancy.Default => Default,
        Ec2Tenancy.DedicatedInstance => DedicatedInstance,
        Ec2Tenancy.DedicatedHost => DedicatedHost,
        _ => throw new ArgumentOutOfRangeException(nameof(tenancy), tenancy, "Unknown tenancy."),
    };

    /// <summary>Case-insensitive: the names are mixed-case words people type by hand.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Ec2Tenancy tenancy)
    {
        foreach (var candidate in Enum.GetValues<Ec2Tenancy>())
        {
            if (string.Equals(text, ToWire(candidate), StringComparison.OrdinalIgnoreCase))
            {
                tenancy = candidate;
                return true;
            }
        }

        tenancy = default;
        return false;
    }
}
