namespace Licentia.Core.Entitlements.Licenses;

/// <summary>
/// One right a license grants: limited (a <see cref="MaxCount"/> in a <see cref="Unit"/>, e.g. 40 Gigabytes) or
/// unlimited (<see cref="Unit"/> None, e.g. a 'Platinum Tier' feature). Counting lives elsewhere: check-outs record
/// consumption against (license, entitlement name), and <see cref="Permits"/> is the one rule that decides whether
/// more may be taken, so the checkout engine needs no other knowledge of the entitlement.
/// </summary>
public sealed record Entitlement
{
    public required string Name { get; init; }

    /// <summary>A free-form value, e.g. "Enabled" for a feature flag; sellers' software reads it from tokens.</summary>
    public string? Value { get; init; }

    /// <summary>The most that may be consumed at once; null exactly when <see cref="IsUnlimited"/>.</summary>
    public long? MaxCount { get; init; }

    /// <summary>Whether consumption may go past <see cref="MaxCount"/> (it is then reported, not refused).</summary>
    public bool Overage { get; init; }

    /// <summary>The wire name of the unit (see <see cref="EntitlementUnits"/>).</summary>
    public required string Unit { get; init; }

    /// <summary>Whether checked-out amounts can be checked in again (returned to the pool).</summary>
    public bool AllowCheckIn { get; init; }

    public bool IsUnlimited => Unit == EntitlementUnits.None;

    /// <summary>Whether taking <paramref name="quantity"/> more, with <paramref name="consumed"/> already in use, is allowed.</summary>
    public bool Permits(long consumed, long quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(consumed);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return IsUnlimited || Overage || (MaxCount is { } max && quantity <= max - consumed);
    }
}

/// <summary>The units of the AWS model's EntitlementUnit, by wire name. None marks an unlimited entitlement.</summary>
public static class EntitlementUnits
{
    public const string None = "None";
    public const string Count = "Count";

    public static IReadOnlyList<string> All { get; } =
    [
        Count, None, "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Bytes/Second", "Kilobytes/Second",
        "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
        "Gigabits/Second", "Terabits/Second", "Count/Second",
    ];

    public static bool IsKnown(string? unit) => unit is not null && All.Contains(unit, StringComparer.Ordinal);
}
