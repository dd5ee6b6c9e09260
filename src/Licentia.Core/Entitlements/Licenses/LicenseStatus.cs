using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;

namespace Licentia.Core.Entitlements.Licenses;

/// <summary>The model's LicenseStatus. Wire names: AVAILABLE, PENDING_AVAILABLE, DEACTIVATED, SUSPENDED, EXPIRED, PENDING_DELETE, DELETED.</summary>
public enum LicenseStatus
{
    Available,
    PendingAvailable,
    Deactivated,
    Suspended,
    Expired,
    PendingDelete,
    Deleted,
}

public static class LicenseStatusNames
{
    public const string Available = "AVAILABLE";
    public const string PendingAvailable = "PENDING_AVAILABLE";
    public const string Deactivated = "DEACTIVATED";
    public const string Suspended = "SUSPENDED";
    public const string Expired = "EXPIRED";
    public const string PendingDelete = "PENDING_DELETE";
    public const string Deleted = "DELETED";

    public static IReadOnlyList<string> All { get; } = [Available, PendingAvailable, Deactivated, Suspended, Expired, PendingDelete, Deleted];

    public static string ToWire(LicenseStatus status) => status switch
    {
        LicenseStatus.Available => Available,
        LicenseStatus.PendingAvailable => PendingAvailable,
        LicenseStatus.Deactivated => Deactivated,
        LicenseStatus.Suspended => Suspended,
        LicenseStatus.Expired => Expired,
        LicenseStatus.PendingDelete => PendingDelete,
        LicenseStatus.Deleted => Deleted,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown license status."),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out LicenseStatus status)
    {
        var index = text is null ? -1 : All.ToList().IndexOf(text);
        status = index < 0 ? default : (LicenseStatus)index;
        return index >= 0;
    }

    public static LicenseStatus Parse(string? text, string parameterName = "Status") =>
        TryParse(text, out var status)
            ? status
            : throw new ValidationException($"{parameterName} '{text}' is not valid. Allowed values: {string.Join(", ", All)}.");
}
