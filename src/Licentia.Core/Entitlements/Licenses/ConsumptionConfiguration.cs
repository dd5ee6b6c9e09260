using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;

namespace Licentia.Core.Entitlements.Licenses;

/// <summary>
/// How the license may be consumed. Provisional check-outs need continuous connectivity (renewed within
/// <see cref="ProvisionalConfiguration.MaxTimeToLiveInMinutes"/>); borrowed ones work offline for up to
/// <see cref="BorrowConfiguration.MaxTimeToLiveInMinutes"/>. <see cref="RenewType"/> says when consumption resets.
/// </summary>
public sealed record ConsumptionConfiguration
{
    public RenewType RenewType { get; init; } = RenewType.None;

    public ProvisionalConfiguration? Provisional { get; init; }

    public BorrowConfiguration? Borrow { get; init; }
}

public sealed record ProvisionalConfiguration(int MaxTimeToLiveInMinutes);

public sealed record BorrowConfiguration(bool AllowEarlyCheckIn, int MaxTimeToLiveInMinutes);

/// <summary>When consumed amounts reset. Wire names: None, Weekly, Monthly.</summary>
public enum RenewType
{
    None,
    Weekly,
    Monthly,
}

public static class RenewTypeNames
{
    public static IReadOnlyList<string> All { get; } = ["None", "Weekly", "Monthly"];

    public static string ToWire(RenewType type) => type switch
    {
        RenewType.None => "None",
        RenewType.Weekly => "Weekly",
        RenewType.Monthly => "Monthly",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown renew type."),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out RenewType type)
    {
        switch (text)
        {
            case "None": type = RenewType.None; return true;
            case "Weekly": type = RenewType.Weekly; return true;
            case "Monthly": type = RenewType.Monthly; return true;
            default: type = default; return false;
        }
    }

    public static RenewType Parse(string? text) =>
        TryParse(text, out var type)
            ? type
            : throw new ValidationException($"ConsumptionConfiguration.RenewType '{text}' is not valid. Allowed values: {string.Join(", ", All)}.");
}
