using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;

namespace Licentia.Core.LicenseConfigurations;

/// <summary>The wire names of <see cref="LicenseCountingType"/>: vCPU, Instance, Core, Socket (case-sensitive, as in the AWS model).</summary>
public static class LicenseCountingTypeNames
{
    public const string VCpu = "vCPU";
    public const string Instance = "Instance";
    public const string Core = "Core";
    public const string Socket = "Socket";

    public static IReadOnlyList<string> All { get; } = [VCpu, Instance, Core, Socket];

    public static string ToWire(LicenseCountingType type) => type switch
    {
        LicenseCountingType.VCpu => VCpu,
        LicenseCountingType.Instance => Instance,
        LicenseCountingType.Core => Core,
        LicenseCountingType.Socket => Socket,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown license counting type."),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out LicenseCountingType type)
    {
        switch (text)
        {
            case VCpu: type = LicenseCountingType.VCpu; return true;
            case Instance: type = LicenseCountingType.Instance; return true;
            case Core: type = LicenseCountingType.Core; return true;
            case Socket: type = LicenseCountingType.Socket; return true;
            default: type = default; return false;
        }
    }

    public static LicenseCountingType Parse(string? text, string parameterName = "LicenseCountingType") =>
        TryParse(text, out var type)
            ? type
            : throw new InvalidParameterValueException(
                $"{parameterName} '{text}' is not valid. Allowed values: {string.Join(", ", All)}.");
}
