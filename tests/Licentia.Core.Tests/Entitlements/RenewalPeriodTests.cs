using Licentia.Core.Entitlements.Consumption;
using Licentia.Core.Entitlements.Licenses;

namespace Licentia.Core.Tests.Entitlements;

public sealed class RenewalPeriodTests
{
    private static readonly DateTimeOffset Begin = new(2025, 1, 31, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Weekly_periods_are_seven_day_spans_from_the_validity_begin()
    {
        var first = RenewalPeriod.At(RenewType.Weekly, Begin, Begin.AddDays(3));
        Assert.Equal((Begin, Begin.AddDays(7)), (first.Start, first.End));
        var boundary = RenewalPeriod.At(RenewType.Weekly, Begin, Begin.AddDays(7));
        Assert.Equal((Begin.AddDays(7), Begin.AddDays(14)), (boundary.Start, boundary.End));
        var justBefore = RenewalPeriod.At(RenewType.Weekly, Begin, Begin.AddDays(14).AddTicks(-1));
        Assert.Equal(Begin.AddDays(7), justBefore.Start);
    }

    [Fact]
    public void Monthly_periods_keep_the_day_of_the_begin_and_clamp_to_short_months()
    {
        var february = RenewalPeriod.At(RenewType.Monthly, Begin, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal((new DateTimeOffset(2025, 2, 28, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 31, 9, 30, 0, TimeSpan.Zero)),
            (february.Start, february.End));
        var beforeTheDay = RenewalPeriod.At(RenewType.Monthly, Begin, new DateTimeOffset(2025, 3, 31, 9, 29, 0, TimeSpan.Zero));
        Assert.Equal(february.Start, beforeTheDay.Start);
        var onTheDay = RenewalPeriod.At(RenewType.Monthly, Begin, new DateTimeOffset(2025, 3, 31, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 9, 30, 0, TimeSpan.Zero), onTheDay.Start);
        var nextYear = RenewalPeriod.At(RenewType.Monthly, Begin, new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 9, 30, 0, TimeSpan.Zero), nextYear.Start);
    }

    [Fact]
    public void None_never_renews_and_bounding_needs_an_end()
    {
        var never = RenewalPeriod.At(RenewType.None, Begin, Begin.AddYears(3));
        Assert.Equal((Begin, (DateTimeOffset?)null), (never.Start, never.End));
        Assert.Equal(Begin.AddYears(5), never.Bound(Begin.AddYears(5)));
        var weekly = RenewalPeriod.At(RenewType.Weekly, Begin, Begin);
        Assert.Equal(Begin.AddDays(7), weekly.Bound(Begin.AddDays(8)));
        Assert.Equal(Begin.AddDays(2), weekly.Bound(Begin.AddDays(2)));
    }

    [Fact]
    public void Before_the_begin_the_first_period_applies()
    {
        var early = RenewalPeriod.At(RenewType.Monthly, Begin, Begin.AddDays(-10));
        Assert.Equal((Begin, Begin.AddMonths(1)), (early.Start, early.End));
    }
}
