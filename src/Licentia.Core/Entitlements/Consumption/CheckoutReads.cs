namespace Licentia.Core.Entitlements.Consumption;

/// <summary>
/// The totals of a license's consumption in use: consumption of <see cref="LicenseArn"/> active at <see cref="Now"/>,
/// taken under license version <see cref="FromVersion"/> or later (usage counts from the latest version that reset
/// it), summed per entitlement name over <see cref="Names"/>.
/// </summary>
public sealed record UsageQuery(Scope License, string LicenseArn, DateTimeOffset Now, long FromVersion, IReadOnlyList<string> Names);

/// <summary>
/// Whose earlier check-outs a node may get back (<see cref="ConsumptionRules.HeldByNode"/>): those active of the
/// same consumer account, beneficiary, node and kind.
/// </summary>
public sealed record NodeQuery(string ConsumerAccountId, string? Beneficiary, string NodeId, CheckoutKind Kind);

/// <summary>
/// What a check-out's decision reads under the license's lock, and nothing more: the totals its limits need, and the
/// node's candidates for reuse (none to read when <see cref="Node"/> is null).
/// </summary>
public sealed record CheckoutReads(UsageQuery Totals, NodeQuery? Node);

/// <summary>What the store found for <see cref="CheckoutReads"/>: the totals in use by name (absent means 0) and the node's check-outs.</summary>
public sealed record CheckoutFacts(IReadOnlyDictionary<string, long> InUse, IReadOnlyList<LicenseConsumption> NodeHolds);
