namespace Licentia.Core.LicenseConfigurations;

/// <summary>Whether a configuration can be used for new launches. Wire names: AVAILABLE, DISABLED.</summary>
public enum LicenseConfigurationStatus
{
    Available,
    Disabled,
}
