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

    /// <summary>
    /// What a check-out must read to decide, and nothing more. Totals only of the requested entitlements whose limit
    /// is enforced (limited, without overage): <see cref="Entitlement.Permits"/> looks at what is in use for no other.
    /// The node's earlier check-outs only when it names a node (<see cref="HeldByNode"/>). A request of unlimited
    /// entitlements without a NodeId therefore reads nothing, however much consumption is active.
    /// </summary>
    public static CheckoutReads ReadsFor(
        License license, DateTimeOffset now, IReadOnlyList<RequestedEntitlement> requested, string consumerAccountId, string? beneficiary,
        string? nodeId, CheckoutKind kind)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(requested);
        var version = license.Latest;
        var enforced = requested
            .Select(r => version.FindEntitlement(r.Name))
            .Where(e => e is { IsUnlimited: false, Overage: false })
            .Select(e => e!.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var totals = new UsageQuery(license.Scope, license.Arn, now, CountsFromVersion(license), enforced);
        var node = nodeId is null || requested.Count == 0 ? null : new NodeQuery(consumerAccountId, beneficiary, nodeId, kind);
        return new CheckoutReads(totals, node);
    }

    /// <summary>GetLicenseUsage's totals: every entitlement of the current version.</summary>
    public static UsageQuery UsageQueryFor(License license, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(license);
        return new UsageQuery(license.Scope, license.Arn, now, CountsFromVersion(license), [.. license.Latest.Entitlements.Select(e => e.Name)]);
    }

    /// <summary>Consumption counts from this license version on: the latest version that reset usage, else the first.</summary>
    public static long CountsFromVersion(License license)
    {
        ArgumentNullException.ThrowIfNull(license);
        return license.Versions.LastOrDefault(v => v.ResetUsage)?.Number ?? 1;
    }

    /// <summary>
    /// The validated amounts to take, in request order. <paramref name="inUse"/> holds what is in use per entitlement
    /// name (absent means 0); it must cover the names <see cref="ReadsFor"/> asks totals of.
    /// </summary>
    /// <exception cref="ValidationException">No entitlements, a repeated name, a unit that is not the entitlement's, or a bad value.</exception>
    /// <exception cref="NoEntitlementsAllowedException">An entitlement does not exist, or taking it would pass MaxCount without overage.</exception>
    public static IReadOnlyList<ConsumedEntitlement> Decide(
        License license, IReadOnlyList<RequestedEntitlement> requested, IReadOnlyDictionary<string, long> inUse)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(inUse);
        if (requested.Count == 0)
        {
            throw new ValidationException("Entitlements is empty; give at least one entitlement to check out.");
        }

        var version = license.Latest;
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
            var already = inUse.GetValueOrDefault(entitlement.Name);
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

    /// <summary>Usage of every entitlement of the current version, from the totals in use (<see cref="UsageQueryFor"/>).</summary>
    public static IReadOnlyList<EntitlementUsage> Usage(License license, IReadOnlyDictionary<string, long> inUse)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(inUse);
        return [.. license.Latest.Entitlements.Select(e => new EntitlementUsage(e.Name, inUse.GetValueOrDefault(e.Name), e.MaxCount, e.Unit))];
    }

    /// <summary>
    /// Consumption since the latest version that reset usage, summed per entitlement name: the totals the stores sum
    /// in SQL (<see cref="IConsumptionStore.SumActiveAsync"/>), stated over the consumption itself.
    /// </summary>
    public static Dictionary<string, long> Consumed(License license, IEnumerable<LicenseConsumption> active)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(active);
        var countsFrom = CountsFromVersion(license);
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
