using Licentia.Core.Entitlements.Licenses;

namespace Licentia.Core.Entitlements.Consumption;

/// <summary>
/// The renewal period of a license's consumption (ConsumptionConfiguration.RenewType) at an instant. Periods are
/// anchored at the license version's Validity.Begin: Weekly periods are the 7-day spans Begin, Begin + 7 days, …;
/// Monthly periods start on the same day of the month and time as Begin (Begin.AddMonths(k), so a license that
/// begins on the 31st renews on the last day of shorter months and again on the 31st after them). With RenewType
/// None there is a single open period: consumption never renews.
/// </summary>
/// <param name="Start">When the current period began.</param>
/// <param name="End">When it ends (exclusive): consumption checked out in it stops counting then. Null for None.</param>
public sealed record RenewalPeriod(DateTimeOffset Start, DateTimeOffset? End)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>The period containing <paramref name="now"/> for this renew type and anchor.</summary>
    public static RenewalPeriod At(RenewType type, DateTimeOffset anchor, DateTimeOffset now)
    {
        anchor = anchor.ToUniversalTime();
        switch (type)
        {
            case RenewType.Weekly:
                var weeks = now <= anchor ? 0 : (now - anchor).Ticks / Week.Ticks;
                var start = anchor + (Week * weeks);
                return new RenewalPeriod(start, start + Week);
            case RenewType.Monthly:
                var months = now <= anchor ? 0 : ((now.UtcDateTime.Year - anchor.Year) * 12) + now.UtcDateTime.Month - anchor.Month;
                while (months > 0 && anchor.AddMonths(months) > now)
                {
                    months--;
                }

                return new RenewalPeriod(anchor.AddMonths(months), anchor.AddMonths(months + 1));
            default:
                return new RenewalPeriod(anchor, null);
        }
    }

    /// <summary>The period of the license's current version at <paramref name="now"/>.</summary>
    public static RenewalPeriod At(LicenseVersion version, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(version);
        return At(version.Consumption.RenewType, version.Validity.Begin, now);
    }

    /// <summary><paramref name="instant"/>, but no later than the end of this period.</summary>
    public DateTimeOffset Bound(DateTimeOffset instant) => End is { } end && end < instant ? end : instant;
}
