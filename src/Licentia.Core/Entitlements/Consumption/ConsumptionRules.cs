using System.Globalization;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Errors;

namespace Licentia.Core.Entitlements.Consumption;

/// <summary>
/// The counting rules of check-out, pure functions of the license version, the request and the consumption
/// active now. Limited entitlements are counted exactly (<see cref="Entitlement.Permits"/>); unlimited ones
/// (Unit None) are checked out by name and count nothing.
/// </summary>
public static class ConsumptionRules
{
    /// <summary>Used when the license has no ProvisionalConfiguration: the shortest time to live AWS documents.</summary>
    public const int DefaultProvisionalMinutes = 60;

    /// <summary>The validated amounts to take, in request order.</summary>
    /// <exception cref="ValidationException">No entitlements, a repeated name, a unit that is not the entitlement's, or a bad value.</exception>
    /// <exception cref="NoEntitlementsAllowedException">An entitlement does not exist, or taking it would pass MaxCount without overage.</exception>
    public static IReadOnlyList<ConsumedEntitlement> Decide(
        License license, IReadOnlyList<RequestedEntitlement> requested, IEnumerable<LicenseConsumption> active)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(requested);
        if (requested.Count == 0)
        {
            throw new ValidationException("Entitlements is empty; give at least one entitlement to check out.");
        }

        var version = license.Latest;
        var consumed = Consumed(license, active);
        var taken = new List<ConsumedEntitlement>(requested.Count);
        foreach (var want in requested)
        {
            if (taken.Any(t => t.Name == want.Name))
            {
                throw new ValidationException($"Entitlement '{want.Name}' is requested more than once.");
            }

            var entitlement = version.FindEntitlement(want.Name)
                ?? throw new NoEntitlementsAllowedException($"License '{license.Arn}' has no entitlement named '{want.Name}'.");
            if (want.Unit is not null && want.Unit != entitlement.Unit)
            {
                throw new ValidationException($"Entitlement '{want.Name}' is counted in {entitlement.Unit}, not {want.Unit}.");
            }

            var quantity = Quantity(entitlement, want.Value);
            var already = consumed.GetValueOrDefault(entitlement.Name);
            if (!entitlement.Permits(already, quantity))
            {
                throw new NoEntitlementsAllowedException(
                    $"Entitlement '{entitlement.Name}' of license '{license.Arn}' has {entitlement.MaxCount - already} {entitlement.Unit} " +
                    $"left of {entitlement.MaxCount}; {quantity} were requested and overage is not allowed.");
            }

            taken.Add(new ConsumedEntitlement(entitlement.Name, entitlement.Unit, want.Value ?? entitlement.Value, quantity));
        }

        return taken;
    }

    /// <summary>Usage of every entitlement of the current version, from the consumption active now.</summary>
    public static IReadOnlyList<EntitlementUsage> Usage(License license, IEnumerable<LicenseConsumption> active)
    {
        ArgumentNullException.ThrowIfNull(license);
        var consumed = Consumed(license, active);
        return [.. license.Latest.Entitlements.Select(e => new EntitlementUsage(e.Name, consumed.GetValueOrDefault(e.Name), e.MaxCount, e.Unit))];
    }

    /// <summary>Consumption since the latest version that reset usage, summed per entitlement name.</summary>
    public static Dictionary<string, long> Consumed(License license, IEnumerable<LicenseConsumption> active)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(active);
        var countsFrom = license.Versions.LastOrDefault(v => v.ResetUsage)?.Number ?? 1;
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var consumption in active.Where(c => c.LicenseArn == license.Arn && c.LicenseVersion >= countsFrom))
        {
            foreach (var e in consumption.Entitlements)
            {
                sums[e.Name] = checked(sums.GetValueOrDefault(e.Name) + e.Quantity);
            }
        }

        return sums;
    }

    /// <summary>
    /// Node-locking: the consumption that node <paramref name="nodeId"/> already holds for exactly these entitlements, or
    /// null. A check-out names its node, and the model has no NodeId on CheckInLicense or ExtendLicenseConsumption
    /// (they act on the consumption token, which carries the node), so the node matters when it checks out again:
    /// the same consumer account, beneficiary, node and kind asking again for the same entitlements and values while
    /// its earlier check-out is active gets that check-out back (same consumption token, renewed expiry) instead of
    /// taking the amounts a second time. A restarted node therefore cannot leak what it held; another node, another
    /// beneficiary or other amounts count separately. Without a NodeId every check-out counts.
    /// </summary>
    public static LicenseConsumption? HeldByNode(
        License license, IEnumerable<LicenseConsumption> active, string consumerAccountId, string? beneficiary, string? nodeId,
        CheckoutKind kind, IReadOnlyList<RequestedEntitlement> requested)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(requested);
        if (nodeId is null || requested.Count == 0)
        {
            return null;
        }

        var version = license.Latest;
        return active.FirstOrDefault(c =>
            c.LicenseArn == license.Arn && c.ConsumerAccountId == consumerAccountId && c.NodeId == nodeId && c.Beneficiary == beneficiary
            && c.Kind == kind && c.Entitlements.Count == requested.Count
            && requested.All(r => c.Entitlements.Any(e =>
                e.Name == r.Name && (r.Unit is null || r.Unit == e.Unit) && e.Value == (r.Value ?? version.FindEntitlement(r.Name)?.Value))));
    }

    /// <summary>
    /// Entitlement.AllowCheckIn: a check-out that took an amount of a limited entitlement whose terms (in the version it
    /// was taken under) do not allow check-in cannot be checked in; the amount stays consumed until the check-out lapses
    /// (a consumable such as data transferred cannot be given back). An unlimited entitlement takes nothing from any
    /// pool, so its flag has nothing to keep and does not stop a check-in. A borrow also needs
    /// BorrowConfiguration.AllowEarlyCheckIn.
    /// </summary>
    /// <exception cref="ValidationException">The check-in is not allowed.</exception>
    public static void RequireCheckInAllowed(License license, LicenseConsumption consumption)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(consumption);
        var version = license.FindVersion(consumption.LicenseVersion) ?? license.Latest;
        var locked = consumption.Entitlements
            .Where(e => e.Quantity > 0 && version.FindEntitlement(e.Name) is { AllowCheckIn: false })
            .Select(e => e.Name)
            .ToList();
        if (locked.Count > 0)
        {
            throw new ValidationException(
                $"Entitlement{(locked.Count == 1 ? "" : "s")} '{string.Join("', '", locked)}' of license '{license.Arn}' " +
                "do not allow check-in (AllowCheckIn is false): what was checked out stays consumed until the check-out lapses.");
        }

        if (consumption.Kind == CheckoutKind.Borrow && version.Consumption.Borrow is { AllowEarlyCheckIn: false })
        {
            throw new ValidationException(
                $"License '{license.Arn}' does not allow early check-in of borrowed entitlements (AllowEarlyCheckIn is false); they return when the borrow expires.");
        }
    }

    /// <summary>How long a check-out of this kind lives before it must be extended; null for perpetual.</summary>
    public static TimeSpan? TimeToLive(ConsumptionConfiguration configuration, CheckoutKind kind)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return kind switch
        {
            CheckoutKind.Perpetual => null,
            CheckoutKind.Provisional => TimeSpan.FromMinutes(configuration.Provisional?.MaxTimeToLiveInMinutes ?? DefaultProvisionalMinutes),
            CheckoutKind.Borrow => TimeSpan.FromMinutes(configuration.Borrow?.MaxTimeToLiveInMinutes
                ?? throw new ValidationException("The license has no BorrowConfiguration, so it cannot be borrowed.")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown checkout kind."),
        };
    }

    // A limited entitlement takes Value units (1 if not given); an unlimited one takes nothing, its Value is descriptive.
    private static long Quantity(Entitlement entitlement, string? value)
    {
        if (entitlement.IsUnlimited)
        {
            return 0;
        }

        if (value is null)
        {
            return 1;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) && quantity >= 1
            ? quantity
            : throw new ValidationException($"Value '{value}' of entitlement '{entitlement.Name}' is not a positive whole number of {entitlement.Unit}.");
    }
}
