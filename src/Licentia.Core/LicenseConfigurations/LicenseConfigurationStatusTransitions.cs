namespace Licentia.Core.LicenseConfigurations;

/// <summary>
/// The status changes of a configuration as named verbs. Both are idempotent: the API sets a desired
/// status, so asking for the status a configuration already has is not an error and changes nothing.
/// </summary>
public static class LicenseConfigurationStatusTransitions
{
    /// <summary>Stops the configuration from being used for new launches; existing usage stays counted.</summary>
    public static LicenseConfiguration Disable(this LicenseConfiguration configuration, DateTimeOffset now) =>
        MoveTo(configuration, LicenseConfigurationStatus.Disabled, now);

    /// <summary>Makes the configuration usable for new launches again.</summary>
    public static LicenseConfiguration Enable(this LicenseConfiguration configuration, DateTimeOffset now) =>
        MoveTo(configuration, LicenseConfigurationStatus.Available, now);

    /// <summary>Applies a status given on the wire through the matching verb.</summary>
    public static LicenseConfiguration WithStatus(this LicenseConfiguration configuration, LicenseConfigurationStatus status, DateTimeOffset now) =>
        status switch
        {
            LicenseConfigurationStatus.Available => configuration.Enable(now),
            LicenseConfigurationStatus.Disabled => configuration.Disable(now),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown license configuration status."),
        };

    private static LicenseConfiguration MoveTo(LicenseConfiguration configuration, LicenseConfigurationStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.Status == status ? configuration : configuration with { Status = status, UpdatedAt = now };
    }
}
