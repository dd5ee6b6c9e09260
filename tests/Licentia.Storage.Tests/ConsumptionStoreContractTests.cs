using Licentia.Core;
using Licentia.Core.Entitlements.Consumption;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Errors;
using Licentia.Storage.Postgres;
using Licentia.Storage.Sqlite;
using Licentia.Testing;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>
/// The consumption store contract on each engine: round trip, scoping, expiry derived from the clock, check-in,
/// extension, and exact counting under parallel check-outs through several storage instances (nodes).
/// </summary>
public abstract class ConsumptionStoreContractTests : ContractTestBase
{
    private IConsumptionStore Store => Storage.Consumption;

    [Fact]
    public async Task A_checkout_round_trips_and_is_found_only_by_its_consumer()
    {
        var seller = NewScope();
        var license = EntitlementStoreContractTests.NewLicense(seller);
        var consumer = new Scope(NewAccountId(), seller.Region);
        var stored = await Store.CheckOutAsync(seller, license.Arn, T0, active =>
        {
            Assert.Empty(active);
            return Consumption(license, consumer, T0, 10) with
            {
                NodeId = "node-1",
                Beneficiary = "buyer",
                Metadata = [new LicenseMetadata("reason", "travel")],
            };
        }, None);

        var found = await Store.FindAsync(consumer, stored.Token, None);
        Assert.NotNull(found);
        Assert.Equal(stored.Token, found.Token);
        Assert.Equal((license.Arn, seller.AccountId, 1L, CheckoutKind.Provisional, "node-1", "buyer"),
            (found.LicenseArn, found.LicenseAccountId, found.LicenseVersion, found.Kind, found.NodeId, found.Beneficiary));
        Assert.Equal(T0, found.IssuedAt);
        Assert.Equal(T0.AddMinutes(60), found.ExpiresAt);
        Assert.Equal([new ConsumedEntitlement("DataTransfer", "Gigabytes", "10", 10)], found.Entitlements);
        Assert.Equal([new LicenseMetadata("reason", "travel")], found.Metadata);
        Assert.Null(await Store.FindAsync(seller, stored.Token, None));
        Assert.Null(await Store.FindAsync(consumer with { Region = "eu-west-1" }, stored.Token, None));
    }

    [Fact]
    public async Task Expired_consumption_no_longer_counts_and_can_be_neither_extended_nor_checked_in()
    {
        var seller = NewScope();
        var license = EntitlementStoreContractTests.NewLicense(seller);
        var consumer = new Scope(NewAccountId(), seller.Region);
        var c = await Store.CheckOutAsync(seller, license.Arn, T0, _ => Consumption(license, consumer, T0, 10), None);
        var perpetual = await Store.CheckOutAsync(seller, license.Arn, T0, _ => Consumption(license, consumer, T0, 5) with { ExpiresAt = null, Kind = CheckoutKind.Perpetual }, None);

        Assert.Equal(2, (await Store.ListActiveAsync(seller, license.Arn, T0.AddMinutes(59), None)).Count);
        Assert.True(await Store.TryExtendAsync(consumer, c.Token, T0.AddMinutes(59), T0.AddMinutes(119), None));
        Assert.Equal(2, (await Store.ListActiveAsync(seller, license.Arn, T0.AddMinutes(118), None)).Count);
        var later = T0.AddMinutes(119);
        Assert.Equal([perpetual.Token], [.. (await Store.ListActiveAsync(seller, license.Arn, later, None)).Select(x => x.Token)]);
        Assert.False(await Store.TryExtendAsync(consumer, c.Token, later, later.AddHours(1), None));
        Assert.False(await Store.TryCheckInAsync(consumer, c.Token, later, None));
        Assert.False(await Store.TryExtendAsync(consumer, perpetual.Token, later, later.AddHours(1), None));
        Assert.False(await Store.TryCheckInAsync(seller, perpetual.Token, later, None));
        Assert.True(await Store.TryCheckInAsync(consumer, perpetual.Token, later, None));
        Assert.Empty(await Store.ListActiveAsync(seller, license.Arn, later, None));
        Assert.Empty(await Store.ListActiveAsync(new Scope(NewAccountId(), seller.Region), license.Arn, T0, None));
    }

    [Fact]
    public async Task A_refused_decision_writes_nothing()
    {
        var seller = NewScope();
        var license = EntitlementStoreContractTests.NewLicense(seller);
        await Assert.ThrowsAsync<NoEntitlementsAllowedException>(() =>
            Store.CheckOutAsync(seller, license.Arn, T0, _ => throw new NoEntitlementsAllowedException("no"), None));
        Assert.Empty(await Store.ListActiveAsync(seller, license.Arn, T0, None));
    }

    [Fact]
    public async Task Parallel_checkouts_through_several_nodes_never_pass_the_limit()
    {
        var seller = NewScope();
        var license = EntitlementStoreContractTests.NewLicense(seller); // DataTransfer: 40 GB, no overage
        var consumer = new Scope(NewAccountId(), seller.Region);
        var nodes = new[] { Storage, OpenTracked(), OpenTracked() };
        var requested = new[] { new RequestedEntitlement("DataTransfer", "3", "Gigabytes") };
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            try
            {
                await nodes[i % nodes.Length].Consumption.CheckOutAsync(seller, license.Arn, T0, active => Consumption(license, consumer, T0, 3) with
                {
                    Entitlements = ConsumptionRules.Decide(license, requested, active),
                }, None);
                return true;
            }
            catch (NoEntitlementsAllowedException)
            {
                return false;
            }
        }));

        Assert.Equal(13, outcomes.Count(ok => ok)); // 13 × 3 = 39 ≤ 40 < 42
        var usage = ConsumptionRules.Usage(license, await Store.ListActiveAsync(seller, license.Arn, T0, None));
        Assert.Equal(39, usage.Single(u => u.Name == "DataTransfer").Consumed);
    }

    [Fact]
    public async Task A_renewal_period_end_stops_counting_and_lapsed_rows_are_purged_in_batches()
    {
        var seller = NewScope();
        var license = EntitlementStoreContractTests.NewLicense(seller);
        var consumer = new Scope(NewAccountId(), seller.Region);
        var provisional = await Store.CheckOutAsync(seller, license.Arn, T0, _ => Consumption(license, consumer, T0, 1), None);
        var renewing = await Store.CheckOutAsync(seller, license.Arn, T0, _ => Consumption(license, consumer, T0, 2) with
        {
            Kind = CheckoutKind.Perpetual, ExpiresAt = null, PeriodEndsAt = T0.AddDays(7),
        }, None);
        var forever = await Store.CheckOutAsync(seller, license.Arn, T0, _ => Consumption(license, consumer, T0, 3) with { Kind = CheckoutKind.Perpetual, ExpiresAt = null }, None);
        var periodFirst = await Store.CheckOutAsync(seller, license.Arn, T0, _ => Consumption(license, consumer, T0, 4) with { PeriodEndsAt = T0.AddMinutes(30) }, None);

        Assert.Equal(T0.AddDays(7), (await Store.FindAsync(consumer, renewing.Token, None))!.PeriodEndsAt);
        var active = await Store.ListActiveAsync(seller, license.Arn, T0.AddMinutes(45), None);
        Assert.Equal([provisional.Token, renewing.Token, forever.Token], [.. active.Select(c => c.Token)]);
        Assert.False(await Store.TryCheckInAsync(consumer, periodFirst.Token, T0.AddMinutes(45), None));
        Assert.Equal([forever.Token], [.. (await Store.ListActiveAsync(seller, license.Arn, T0.AddDays(7), None)).Select(c => c.Token)]);

        // Housekeeping runs over every scope, so other tests' lapsed rows may go in the same batches: count only ours.
        Assert.Equal(1, await Store.PurgeLapsedAsync(T0.AddMinutes(61), 1, None));
        while (await Store.PurgeLapsedAsync(T0.AddMinutes(61), 1, None) > 0)
        {
        }

        Assert.Null(await Store.FindAsync(consumer, provisional.Token, None));
        Assert.Null(await Store.FindAsync(consumer, periodFirst.Token, None));
        Assert.NotNull(await Store.FindAsync(consumer, renewing.Token, None));
        Assert.True(await Store.PurgeLapsedAsync(T0.AddDays(8), 100, None) >= 1);
        Assert.Null(await Store.FindAsync(consumer, renewing.Token, None));
        Assert.NotNull(await Store.FindAsync(consumer, forever.Token, None));
    }

    [Fact]
    public async Task The_housekeeping_lock_is_held_by_one_node_at_a_time_where_nodes_share_a_database()
    {
        var other = OpenTracked();
        await using (var held = await Store.TryAcquireJobLockAsync(ConsumptionHousekeepingJob.JobName, None))
        {
            Assert.NotNull(held);
            var second = await other.Consumption.TryAcquireJobLockAsync(ConsumptionHousekeepingJob.JobName, None);
            Assert.Equal(SharesJobLocks, second is null);
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }

        await using var again = await other.Consumption.TryAcquireJobLockAsync(ConsumptionHousekeepingJob.JobName, None);
        Assert.NotNull(again);
    }

    /// <summary>Whether a second node is refused the job lock (PostgreSQL) or the engine has one node per database (SQLite).</summary>
    protected abstract bool SharesJobLocks { get; }

    [Fact]
    public async Task A_decision_that_keeps_a_held_consumption_only_moves_its_expiry()
    {
        var seller = NewScope();
        var license = EntitlementStoreContractTests.NewLicense(seller);
        var consumer = new Scope(NewAccountId(), seller.Region);
        var held = await Store.CheckOutAsync(seller, license.Arn, T0, _ => Consumption(license, consumer, T0, 10) with { NodeId = "node-1" }, None);
        var later = T0.AddMinutes(20);
        var renewed = await Store.CheckOutAsync(seller, license.Arn, later, active => Assert.Single(active) with { ExpiresAt = later.AddMinutes(60) }, None);
        Assert.Equal(held.Token, renewed.Token);
        var found = await Store.FindAsync(consumer, held.Token, None);
        Assert.Equal((later.AddMinutes(60), T0, "node-1"), (found!.ExpiresAt!.Value, found.IssuedAt, found.NodeId));
        Assert.Single(await Store.ListActiveAsync(seller, license.Arn, later, None));
    }

    private static LicenseConsumption Consumption(License license, Scope consumer, DateTimeOffset now, long gigabytes) => new()
    {
        Token = Guid.NewGuid().ToString("N"),
        LicenseArn = license.Arn,
        LicenseAccountId = license.AccountId,
        Region = license.Region,
        ConsumerAccountId = consumer.AccountId,
        LicenseVersion = license.Version,
        Kind = CheckoutKind.Provisional,
        Entitlements = [new ConsumedEntitlement("DataTransfer", "Gigabytes", gigabytes.ToString(System.Globalization.CultureInfo.InvariantCulture), gigabytes)],
        IssuedAt = now,
        ExpiresAt = now.AddMinutes(60),
    };
}

/// <summary>The consumption contract on SQLite.</summary>
public sealed class SqliteConsumptionStoreContractTests(TempDirectory directory) : ConsumptionStoreContractTests, IClassFixture<TempDirectory>
{
    protected override Task<string> ClassDatabaseAsync() => Task.FromResult(directory.Path);

    protected override bool SharesJobLocks => false;

    protected override ILicentiaStorage Open(string location) => SqliteStorage.Open(location);
}

/// <summary>The consumption contract on PostgreSQL.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresConsumptionStoreContractTests(PostgresTestServer server) : ConsumptionStoreContractTests
{
    protected override Task<string> ClassDatabaseAsync() => server.DatabaseAsync(nameof(PostgresConsumptionStoreContractTests));

    protected override bool SharesJobLocks => true;

    protected override ILicentiaStorage Open(string location) => PostgresStorage.Open(location);
}
