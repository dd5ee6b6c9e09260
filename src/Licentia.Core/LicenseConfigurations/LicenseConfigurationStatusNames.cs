using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;

namespace Licentia.Core.LicenseConfigurations;

/// <summary>The wire names of <see cref="LicenseConfigurationStatus"/>: AVAILABLE, DISABLED.</summary>
public static class LicenseConfigurationStatusNames
{
    public const string Available = "AVAILABLE";
    public const string Disabled = "DISABLED";

    public static IReadOnlyList<string> All { get; } = [Available, Disabled];

    public static string ToWire(LicenseConfigurationStatus status) => status switch
    {
        LicenseConfigurationStatus.Available => Available,
        LicenseConfigurationStatus.Disabled => Disabled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown license configuration status."),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out LicenseConfigurationStatus status)
    {
        switch (text)
        {
            case Available: status = LicenseConfigurationStatus.Available; return true;
            case Disabled: status = LicenseConfigurationStatus.Disabled; return true;
            default: status = default; return false;
        }
    }

    public static LicenseConfigurationStatus Parse(string? text, string parameterName = "LicenseConfigurationStatus") =>
        TryParse(text, out var status)
            ? status
            : throw new InvalidParameterValueException(
                $"{parameterName} '{text}' is not valid. Allowed values: {string.Join(", ", All)}.");
}
