using System.Globalization;
using Licentia.Core.Errors;

namespace Licentia.Core.Entitlements.Licenses;

/// <summary>
/// Checks of the members of a license version. Refusals are <see cref="ValidationException"/>, the error both
/// CreateLicense and CreateLicenseVersion declare. The model sets no lengths; the limits here keep rows bounded.
/// </summary>
public static class LicenseRules
{
    public const int MaxTextLength = 1024;

    /// <summary>Names, product names, SKUs, beneficiaries: non-blank, bounded, no control characters.</summary>
    public static string RequireText(string? value, string member)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxTextLength || value.Any(char.IsControl))
        {
            throw new ValidationException($"{member} '{value}' is not valid: it must be 1 to {MaxTextLength} characters, not only spaces, without control characters.");
        }

        return value;
    }

    /// <summary>An ISO 8601 instant with an offset or Z, e.g. 2025-01-01T00:00:00Z.</summary>
    public static DateTimeOffset ParseInstant(string? text, string member)
    {
        if (text is null || !text.Contains('T', StringComparison.Ordinal)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            throw new ValidationException($"{member} '{text}' is not a valid ISO 8601 date and time, e.g. 2025-01-01T00:00:00Z.");
        }

        return instant;
    }

    public static LicenseValidity Validity(string? begin, string? end)
    {
        var from = ParseInstant(begin, "Validity.Begin");
        DateTimeOffset? to = end is null ? null : ParseInstant(end, "Validity.End");
        if (to <= from)
        {
            throw new ValidationException($"Validity.End '{end}' must be after Validity.Begin '{begin}'.");
        }

        return new LicenseValidity(from, to);
    }

    /// <summary>The license lives in its HomeRegion: it must be the Region the request is signed for.</summary>
    public static void ValidateHomeRegion(string? homeRegion, Scope scope)
    {
        if (homeRegion != scope.Region)
        {
            throw new ValidationException(
                $"HomeRegion '{homeRegion}' must be the Region of the request ({scope.Region}): a license is created, " +
                "versioned and read in its home Region, where its signing key lives.");
        }
    }

    /// <summary>
    /// Limited entitlements give MaxCount (0 or more) in a unit other than None; unlimited ones use Unit None and give
    /// neither MaxCount nor Overage. Names are unique within the license.
    /// </summary>
    public static void ValidateEntitlements(IReadOnlyList<Entitlement>? entitlements, int maxPerLicense)
    {
        if (entitlements is null || entitlements.Count == 0)
        {
            throw new ValidationException("Entitlements is empty; a license needs at least one entitlement.");
        }

        if (entitlements.Count > maxPerLicense)
        {
            throw new ValidationException($"{entitlements.Count} entitlements were given; at most {maxPerLicense} are allowed per license.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entitlement in entitlements)
        {
            var name = RequireText(entitlement.Name, "Entitlement Name");
            if (!names.Add(name))
            {
                throw new ValidationException($"Entitlement '{name}' is given more than once; entitlement names must be unique.");
            }

            if (!EntitlementUnits.IsKnown(entitlement.Unit))
            {
                throw new ValidationException($"Entitlement '{name}' has Unit '{entitlement.Unit}', which is not valid. Allowed values: {string.Join(", ", EntitlementUnits.All)}.");
            }

            if (entitlement.Value is { Length: > MaxTextLength })
            {
                throw new ValidationException($"Entitlement '{name}' has a Value longer than {MaxTextLength} characters.");
            }

            if (entitlement.IsUnlimited)
            {
                if (entitlement.MaxCount is not null || entitlement.Overage)
                {
                    throw new ValidationException(
                        $"Entitlement '{name}' is unlimited (Unit None): it takes neither MaxCount nor Overage. Give a unit to limit it.");
                }
            }
            else if (entitlement.MaxCount is not { } max || max < 0)
            {
                throw new ValidationException(
                    $"Entitlement '{name}' counts in {entitlement.Unit}: give MaxCount (0 or more), or use Unit None for an unlimited entitlement.");
            }
        }
    }

    /// <summary>At most one of provisional and borrow; their times to live are positive.</summary>
    public static void ValidateConsumption(ConsumptionConfiguration? consumption)
    {
        if (consumption is null)
        {
            throw new ValidationException("ConsumptionConfiguration is required.");
        }

        if (!Enum.IsDefined(consumption.RenewType))
        {
            throw new ValidationException($"ConsumptionConfiguration.RenewType is not valid. Allowed values: {string.Join(", ", RenewTypeNames.All)}.");
        }

        if (consumption is { Provisional: not null, Borrow: not null })
        {
            throw new ValidationException(
                "ConsumptionConfiguration takes either ProvisionalConfiguration (connected workloads) or BorrowConfiguration (offline workloads), not both.");
        }

        if (consumption.Provisional is { MaxTimeToLiveInMinutes: < 1 } provisional)
        {
            throw new ValidationException($"ProvisionalConfiguration.MaxTimeToLiveInMinutes {provisional.MaxTimeToLiveInMinutes} is not valid; it must be at least 1.");
        }

        if (consumption.Borrow is { MaxTimeToLiveInMinutes: < 1 } borrow)
        {
            throw new ValidationException($"BorrowConfiguration.MaxTimeToLiveInMinutes {borrow.MaxTimeToLiveInMinutes} is not valid; it must be at least 1.");
        }
    }

    public static void ValidateMetadata(IReadOnlyList<LicenseMetadata>? metadata)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in metadata ?? [])
        {
            var name = RequireText(item.Name, "LicenseMetadata Name");
            if (!names.Add(name))
            {
                throw new ValidationException($"LicenseMetadata '{name}' is given more than once.");
            }

            if (item.Value is null || item.Value.Length > MaxTextLength)
            {
                throw new ValidationException($"LicenseMetadata '{name}' needs a Value of at most {MaxTextLength} characters.");
            }
        }
    }
}
