using Licentia.Core.Errors;

namespace Licentia.Core.Entitlements.Licenses;

/// <summary>
/// The status of a license, derived from stored facts and the clock by precedence, and the named moves that
/// change those facts. Only three statuses are facts the issuer sets (through CreateLicenseVersion's Status):
/// AVAILABLE, DEACTIVATED and SUSPENDED. The others follow from facts and time:
/// <list type="number">
/// <item>deleted (DeleteLicense): PENDING_DELETE until the deletion date (six months later, the user guide's
/// retention, read-only meanwhile), then DELETED: the license is gone and no read returns it;</item>
/// <item>DEACTIVATED or SUSPENDED, as the issuer set;</item>
/// <item>EXPIRED from Validity.End on;</item>
/// <item>PENDING_AVAILABLE before Validity.Begin;</item>
/// <item>otherwise AVAILABLE.</item>
/// </list>
/// </summary>
public static class LicenseStatusRules
{
    /// <summary>How long a deleted license stays readable: "six months" (user guide, Delete seller issued licenses).</summary>
    public const int RetentionMonths = 6;

    /// <summary>The statuses an issuer may set; the rest are derived and refused as a requested status.</summary>
    public static IReadOnlyList<LicenseStatus> Settable { get; } = [LicenseStatus.Available, LicenseStatus.Deactivated, LicenseStatus.Suspended];

    public static DateTimeOffset DeletionDate(DateTimeOffset deletedAt) => deletedAt.AddMonths(RetentionMonths);

    public static LicenseStatus StatusAt(this License license, DateTimeOffset now) => license.StatusAt(license.Latest, now);

    /// <summary>The status of one version of the license at <paramref name="now"/> (deletion applies to every version).</summary>
    public static LicenseStatus StatusAt(this License license, LicenseVersion version, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(version);
        if (license.DeletedAt is { } deletedAt)
        {
            return now >= (license.DeletionDate ?? DeletionDate(deletedAt)) ? LicenseStatus.Deleted : LicenseStatus.PendingDelete;
        }

        if (version.IssuedStatus is LicenseStatus.Deactivated or LicenseStatus.Suspended)
        {
            return version.IssuedStatus;
        }

        if (version.Validity.End is { } end && now >= end)
        {
            return LicenseStatus.Expired;
        }

        return now < version.Validity.Begin ? LicenseStatus.PendingAvailable : LicenseStatus.Available;
    }

    /// <summary>Whether the license can still be read (it was not deleted more than six months ago).</summary>
    public static bool IsReadableAt(this License license, DateTimeOffset now) => license.StatusAt(now) != LicenseStatus.Deleted;

    /// <summary>Issuer move: stop the license from being used (a refund, a cancelled subscription).</summary>
    public static LicenseStatus Deactivate(LicenseStatus from) => Move(from, LicenseStatus.Deactivated);

    /// <summary>Issuer move: hold the license temporarily (e.g. unpaid invoice).</summary>
    public static LicenseStatus Suspend(LicenseStatus from) => Move(from, LicenseStatus.Suspended);

    /// <summary>Issuer move: make a deactivated or suspended license usable again.</summary>
    public static LicenseStatus Reactivate(LicenseStatus from) => Move(from, LicenseStatus.Available);

    /// <summary>Applies the status CreateLicenseVersion asks for through the matching verb; the same status is no move.</summary>
    /// <exception cref="ValidationException">The status is derived (EXPIRED, PENDING_DELETE, …) and cannot be set.</exception>
    public static LicenseStatus Request(LicenseStatus from, LicenseStatus requested) => requested switch
    {
        LicenseStatus.Available => Reactivate(from),
        LicenseStatus.Deactivated => Deactivate(from),
        LicenseStatus.Suspended => Suspend(from),
        _ => throw new ValidationException(
            $"Status {LicenseStatusNames.ToWire(requested)} cannot be set: it follows from the license's validity or deletion. " +
            $"Set one of {string.Join(", ", Settable.Select(LicenseStatusNames.ToWire))}."),
    };

    /// <summary>Records the deletion. Refused when the license is already deleted.</summary>
    /// <exception cref="ValidationException">Already deleted.</exception>
    public static License MarkDeleted(this License license, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(license);
        return license.DeletedAt is null
            ? license with { DeletedAt = now, DeletionDate = DeletionDate(now) }
            : throw new ValidationException($"License '{license.Arn}' is already deleted.");
    }

    /// <summary>Appends a version. Refused when the license is deleted: it is read-only until it goes.</summary>
    /// <exception cref="ValidationException">The license is deleted.</exception>
    public static License WithNewVersion(this License license, LicenseVersion next)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(next);
        if (license.DeletedAt is not null)
        {
            throw new ValidationException($"License '{license.Arn}' is deleted; it is read-only and takes no new versions.");
        }

        return license with { Versions = [.. license.Versions, next with { Number = license.Version + 1 }] };
    }

    private static LicenseStatus Move(LicenseStatus from, LicenseStatus to)
    {
        if (!Settable.Contains(from))
        {
            throw new ValidationException(
                $"A license whose issued status is {LicenseStatusNames.ToWire(from)} cannot become {LicenseStatusNames.ToWire(to)}.");
        }

        return to;
    }
}
