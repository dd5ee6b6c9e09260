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
        var stored = await Store.CheckOutAsync(Reads(license, T0, new NodeQuery(consumer.AccountId, "buyer", "node-1", CheckoutKind.Provisional)), facts =>
        {
            Assert.Empty(facts.InUse);
            Assert.Empty(facts.NodeHolds);
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
        var c = await Store.CheckOutAsync(Reads(license, T0), _ => Consumption(license, consumer, T0, 10), None);
        var perpetual = await Store.CheckOutAsync(Reads(license, T0), _ => Consumption(license, consumer, T0, 5) with { ExpiresAt = null, Kind = CheckoutKind.Perpetual }, None);

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
            Store.CheckOutAsync(Reads(license, T0), _ => throw new NoEntitlementsAllowedException("no"), None));
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
                var reads = ConsumptionRules.ReadsFor(license, T0, requested, consumer.AccountId, null, null, CheckoutKind.Provisional);
                await nodes[i % nodes.Length].Consumption.CheckOutAsync(reads, facts => Consumption(license, consumer, T0, 3) with
                {
                    Entitlements = ConsumptionRules.Decide(license, requested, facts.InUse),
                }, None);
                return true;
            }
            catch (NoEntitlementsAllowedException)
            {
                return false;
            }
        }));

        Assert.Equal(13, outcomes.Count(ok => ok)); // 13 × 3 = 39 ≤ 40 < 42
        var usage = ConsumptionRules.Usage(license, await Store.SumActiveAsync(ConsumptionRules.UsageQueryFor(license, T0), None));
        Assert.Equal(39, usage.Single(u => u.Name == "DataTransfer").Consumed);
        Assert.Equal(39, ConsumptionRules.Consumed(license, await Store.ListActiveAsync(seller, license.Arn, T0, None))["DataTransfer"]);
    }

    [Fact]
    public async Task A_renewal_period_end_stops_counting_and_lapsed_rows_are_purged_in_batches()
    {
        var seller = NewScope();
        var license = EntitlementStoreContractTests.NewLicense(seller);
        var consumer = new Scope(NewAccountId(), seller.Region);
        var provisional = await Store.CheckOutAsync(Reads(license, T0), _ => Consumption(license, consumer, T0, 1), None);
        var renewing = await Store.CheckOutAsync(Reads(license, T0), _ => Consumption(license, consumer, T0, 2) with
        {
            Kind = CheckoutKind.Perpetual, ExpiresAt = null, PeriodEndsAt = T0.AddDays(7),
        }, None);
        var forever = await Store.CheckOutAsync(Reads(license, T0), _ => Consumption(license, consumer, T0, 3) with { Kind = CheckoutKind.Perpetual, ExpiresAt = null }, None);
        var periodFirst = await Store.CheckOutAsync(Reads(license, T0), _ => Consumption(license, consumer, T0, 4) with { PeriodEndsAt = T0.AddMinutes(30) }, None);

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
        var held = await Store.CheckOutAsync(Reads(license, T0), _ => Consumption(license, consumer, T0, 10) with { NodeId = "node-1" }, None);
        var later = T0.AddMinutes(20);
        var node = new NodeQuery(consumer.AccountId, null, "node-1", CheckoutKind.Provisional);
        var renewed = await Store.CheckOutAsync(Reads(license, later, node), facts => Assert.Single(facts.NodeHolds) with { ExpiresAt = later.AddMinutes(60) }, None);
        Assert.Equal(held.Token, renewed.Token);
        var found = await Store.FindAsync(consumer, held.Token, None);
        Assert.Equal((later.AddMinutes(60), T0, "node-1"), (found!.ExpiresAt!.Value, found.IssuedAt, found.NodeId));
        Assert.Single(await Store.ListActiveAsync(seller, license.Arn, later, None));

        // The totals follow the renewed expiry: past the first hour the 10 GB still count, until the new one.
        Assert.Equal(10, (await Totals(license, T0.AddMinutes(70)))["DataTransfer"]);
        Assert.Empty(await Totals(license, later.AddMinutes(60)));
    }

    [Fact]
    public async Task Totals_are_summed_per_name_over_active_consumption_of_counted_versions_only()
    {
        var seller = NewScope();
        var license = EntitlementStoreContractTests.NewLicense(seller);
        var other = EntitlementStoreContractTests.NewLicense(seller);
        var consumer = new Scope(NewAccountId(), seller.Region);
        LicenseConsumption Take(long gigabytes, long seats) => new Taking(license, consumer, gigabytes, seats).Build(T0);
        var provisional = await CheckOutAsync(Take(10, 1));
        var perpetual = await CheckOutAsync(Take(5, 2) with { Kind = CheckoutKind.Perpetual, ExpiresAt = null });
        await CheckOutAsync(Take(7, 0) with { Kind = CheckoutKind.Perpetual, ExpiresAt = null, PeriodEndsAt = T0.AddMinutes(30) });
        await CheckOutAsync(Take(3, 0) with { PeriodEndsAt = T0.AddMinutes(20) });
        var checkedIn = await CheckOutAsync(Take(100, 0) with { ExpiresAt = null, Kind = CheckoutKind.Perpetual });
        var oldVersion = await CheckOutAsync(Take(11, 0) with { LicenseVersion = 0 });
        await Store.CheckOutAsync(Reads(other, T0), _ => Take(13, 0) with { LicenseArn = other.Arn }, None);
        Assert.True(await Store.TryCheckInAsync(consumer, checkedIn.Token, T0, None));

        Assert.Equal(new Dictionary<string, long> { ["DataTransfer"] = 25, ["Seats"] = 3 }, await Totals(license, T0.AddMinutes(10)));
        Assert.Equal(new Dictionary<string, long> { ["DataTransfer"] = 22, ["Seats"] = 3 }, await Totals(license, T0.AddMinutes(20)));
        Assert.Equal(new Dictionary<string, long> { ["DataTransfer"] = 15, ["Seats"] = 3 }, await Totals(license, T0.AddMinutes(30)));
        Assert.Equal(new Dictionary<string, long> { ["DataTransfer"] = 5, ["Seats"] = 2 }, await Totals(license, T0.AddMinutes(60)));
        Assert.Equal(new Dictionary<string, long> { ["Seats"] = 2 }, await Totals(license, T0.AddMinutes(60), "Seats", "Platinum Tier"));
        Assert.Empty(await Totals(license, T0, "Gold"));
        Assert.Equal(new Dictionary<string, long> { ["DataTransfer"] = 36, ["Seats"] = 3 },
            await Store.SumActiveAsync(new UsageQuery(seller, license.Arn, T0.AddMinutes(10), 0, ["DataTransfer", "Seats"]), None));
        Assert.Empty(await Store.SumActiveAsync(new UsageQuery(new Scope(NewAccountId(), seller.Region), license.Arn, T0, 1, ["DataTransfer"]), None));
        Assert.Empty(await Store.SumActiveAsync(new UsageQuery(seller with { Region = "eu-west-1" }, license.Arn, T0, 1, ["DataTransfer"]), None));

        // The same totals as summing every active check-out, at every instant.
        foreach (var at in new[] { T0, T0.AddMinutes(15), T0.AddMinutes(25), T0.AddMinutes(59), T0.AddMinutes(61) })
        {
            var everything = ConsumptionRules.Consumed(license, await Store.ListActiveAsync(seller, license.Arn, at, None));
            Assert.Equal(everything.Where(e => e.Value > 0).ToDictionary(), await Totals(license, at));
        }

        // An extension moves what the totals count; housekeeping takes the amounts with their check-outs.
        Assert.True(await Store.TryExtendAsync(consumer, provisional.Token, T0.AddMinutes(50), T0.AddMinutes(110), None));
        Assert.Equal(new Dictionary<string, long> { ["DataTransfer"] = 15, ["Seats"] = 3 }, await Totals(license, T0.AddMinutes(100)));
        while (await Store.PurgeLapsedAsync(T0.AddDays(30), 100, None) > 0)
        {
        }

        Assert.Null(await Store.FindAsync(consumer, oldVersion.Token, None));
        Assert.NotNull(await Store.FindAsync(consumer, perpetual.Token, None));
        Assert.Equal(new Dictionary<string, long> { ["DataTransfer"] = 5, ["Seats"] = 2 },
            await Store.SumActiveAsync(new UsageQuery(seller, license.Arn, T0.AddDays(-1), 0, ["DataTransfer", "Seats"]), None));
    }

    [Fact]
    public async Task A_node_reads_only_its_own_active_check_outs_of_the_same_beneficiary_and_kind()
    {
        var seller = NewScope();
        var license = EntitlementStoreContractTests.NewLicense(seller);
        var consumer = new Scope(NewAccountId(), seller.Region);
        var stranger = new Scope(NewAccountId(), seller.Region);
        var mine = await CheckOutAsync(new Taking(license, consumer, 1, 0).Build(T0) with { NodeId = "node-1" });
        var alsoMine = await CheckOutAsync(new Taking(license, consumer, 2, 0).Build(T0) with { NodeId = "node-1" });
        await CheckOutAsync(new Taking(license, consumer, 1, 0).Build(T0) with { NodeId = "node-1", Beneficiary = "user-a" });
        await CheckOutAsync(new Taking(license, consumer, 1, 0).Build(T0) with { NodeId = "node-1", Kind = CheckoutKind.Perpetual, ExpiresAt = null });
        await CheckOutAsync(new Taking(license, consumer, 1, 0).Build(T0) with { NodeId = "node-2" });
        await CheckOutAsync(new Taking(license, consumer, 1, 0).Build(T0));
        await CheckOutAsync(new Taking(license, stranger, 1, 0).Build(T0) with { NodeId = "node-1" });
        var lapsed = await CheckOutAsync(new Taking(license, consumer, 1, 0).Build(T0.AddMinutes(-61)) with { NodeId = "node-1" });

        async Task<IReadOnlyList<string>> HoldsAsync(NodeQuery node)
        {
            IReadOnlyList<string> seen = [];
            await Assert.ThrowsAsync<NoEntitlementsAllowedException>(() => Store.CheckOutAsync(Reads(license, T0, node), facts =>
            {
                seen = [.. facts.NodeHolds.Select(h => h.Token)];
                throw new NoEntitlementsAllowedException("only looking");
            }, None));
            return seen;
        }

        Assert.Equal([mine.Token, alsoMine.Token], await HoldsAsync(new NodeQuery(consumer.AccountId, null, "node-1", CheckoutKind.Provisional)));
        var userA = Assert.Single(await HoldsAsync(new NodeQuery(consumer.AccountId, "user-a", "node-1", CheckoutKind.Provisional)));
        Assert.Equal("user-a", (await Store.FindAsync(consumer, userA, None))!.Beneficiary);
        Assert.Single(await HoldsAsync(new NodeQuery(consumer.AccountId, null, "node-1", CheckoutKind.Perpetual)));
        Assert.Empty(await HoldsAsync(new NodeQuery(consumer.AccountId, null, "node-1", CheckoutKind.Borrow)));
        Assert.Empty(await HoldsAsync(new NodeQuery(consumer.AccountId, "user-b", "node-1", CheckoutKind.Provisional)));
        Assert.Single(await HoldsAsync(new NodeQuery(stranger.AccountId, null, "node-1", CheckoutKind.Provisional)));
        Assert.DoesNotContain(lapsed.Token, await HoldsAsync(new NodeQuery(consumer.AccountId, null, "node-1", CheckoutKind.Provisional)));
    }

    [Fact]
    public async Task Parallel_checkouts_of_several_limits_with_node_reuse_never_pass_a_limit()
    {
        // Through several nodes, every check-out takes DataTransfer (40, enforced) and Seats (5, overage): the totals
        // must stay exact while nodes also renew what they hold instead of taking it again.
        var seller = NewScope();
        var license = EntitlementStoreContractTests.NewLicense(seller);
        var consumer = new Scope(NewAccountId(), seller.Region);
        var nodes = new[] { Storage, OpenTracked(), OpenTracked() };
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 36).Select(async i =>
        {
            RequestedEntitlement[] requested = [new("DataTransfer", "3", null), new("Seats", "1", null), new("Platinum Tier", null, null)];
            var nodeId = "node-" + (i % 18); // each node id asks twice: the second gets the first back
            var reads = ConsumptionRules.ReadsFor(license, T0, requested, consumer.AccountId, null, nodeId, CheckoutKind.Provisional);
            try
            {
                var taken = await nodes[i % nodes.Length].Consumption.CheckOutAsync(reads, facts =>
                    ConsumptionRules.HeldByNode(license, facts.NodeHolds, consumer.AccountId, null, nodeId, CheckoutKind.Provisional, requested) is { } held
                        ? held with { ExpiresAt = T0.AddMinutes(60) }
                        : new Taking(license, consumer, 3, 1).Build(T0) with
                        {
                            NodeId = nodeId,
                            Entitlements = ConsumptionRules.Decide(license, requested, facts.InUse),
                        }, None);
                return taken.Token;
            }
            catch (NoEntitlementsAllowedException)
            {
                return null;
            }
        }));

        var tokens = outcomes.OfType<string>().Distinct().ToList();
        Assert.Equal(13, tokens.Count); // 13 × 3 = 39 ≤ 40 < 42
        var totals = await Totals(license, T0);
        Assert.Equal((39L, 13L), (totals["DataTransfer"], totals["Seats"]));
        Assert.Equal(totals, ConsumptionRules.Consumed(license, await Store.ListActiveAsync(seller, license.Arn, T0, None)).Where(e => e.Value > 0).ToDictionary());
    }

    [Fact]
    public async Task Migration_0011_derives_the_amounts_and_node_columns_of_check_outs_stored_before_it()
    {
        // A database of its own: the schema is taken back to what 0010 left, as an older release's database has it.
        var location = await NewDatabaseAsync();
        await using var storage = Open(location);
        await storage.MigrateAsync(None);
        var seller = NewScope();
        var license = EntitlementStoreContractTests.NewLicense(seller);
        var consumer = new Scope(NewAccountId(), seller.Region);
        async Task<LicenseConsumption> TakeAsync(LicenseConsumption c) =>
            await storage.Consumption.CheckOutAsync(Reads(license, T0), _ => c, None);
        var held = await TakeAsync(new Taking(license, consumer, 10, 2).Build(T0) with { NodeId = "node-1", Beneficiary = "user-a", PeriodEndsAt = T0.AddMinutes(30) });
        await TakeAsync(new Taking(license, consumer, 5, 0).Build(T0) with { Kind = CheckoutKind.Perpetual, ExpiresAt = null });
        await TakeAsync(new Taking(license, consumer, 7, 0).Build(T0) with { LicenseVersion = 2 });
        await ExecuteSqlAsync(location,
            "DROP TABLE license_consumption_amounts; DROP INDEX license_consumptions_by_node; " +
            "ALTER TABLE license_consumptions DROP COLUMN node_id; ALTER TABLE license_consumptions DROP COLUMN beneficiary; " +
            "ALTER TABLE license_consumptions DROP COLUMN kind; DELETE FROM schema_migrations WHERE version = 11;");

        await storage.MigrateAsync(None);
        async Task<IReadOnlyDictionary<string, long>> TotalsAsync(DateTimeOffset at, long fromVersion) =>
            await storage.Consumption.SumActiveAsync(new UsageQuery(seller, license.Arn, at, fromVersion, ["DataTransfer", "Seats"]), None);
        Assert.Equal(new Dictionary<string, long> { ["DataTransfer"] = 22, ["Seats"] = 2 }, await TotalsAsync(T0.AddMinutes(10), 1));
        Assert.Equal(new Dictionary<string, long> { ["DataTransfer"] = 7 }, await TotalsAsync(T0.AddMinutes(10), 2));
        Assert.Equal(new Dictionary<string, long> { ["DataTransfer"] = 12 }, await TotalsAsync(T0.AddMinutes(30), 1));
        Assert.Equal(new Dictionary<string, long> { ["DataTransfer"] = 5 }, await TotalsAsync(T0.AddMinutes(60), 1));

        IReadOnlyList<string> holds = [];
        await Assert.ThrowsAsync<NoEntitlementsAllowedException>(() => storage.Consumption.CheckOutAsync(
            Reads(license, T0.AddMinutes(10), new NodeQuery(consumer.AccountId, "user-a", "node-1", CheckoutKind.Provisional)), facts =>
            {
                holds = [.. facts.NodeHolds.Select(h => h.Token)];
                throw new NoEntitlementsAllowedException("only looking");
            }, None));
        Assert.Equal([held.Token], holds);
    }

    /// <summary>A new, empty database of this engine.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>Runs raw SQL on the database at <paramref name="location"/>, outside any store.</summary>
    protected abstract Task ExecuteSqlAsync(string location, string sql);

    private async Task<LicenseConsumption> CheckOutAsync(LicenseConsumption consumption) =>
        await Store.CheckOutAsync(Reads(consumption.LicenseArn, consumption.LicenseScope, consumption.IssuedAt), _ => consumption, None);

    private async Task<IReadOnlyDictionary<string, long>> Totals(License license, DateTimeOffset at, params string[] names) =>
        await Store.SumActiveAsync(new UsageQuery(license.Scope, license.Arn, at, 1, names.Length > 0 ? names : ["DataTransfer", "Seats", "Platinum Tier"]), None);

    private static CheckoutReads Reads(License license, DateTimeOffset now, NodeQuery? node = null) => Reads(license.Arn, license.Scope, now, node);

    private static CheckoutReads Reads(string licenseArn, Scope license, DateTimeOffset now, NodeQuery? node = null) =>
        new(new UsageQuery(license, licenseArn, now, 1, ["DataTransfer"]), node);

    /// <summary>A provisional check-out of DataTransfer and Seats (a zero amount is not taken).</summary>
    private sealed record Taking(License License, Scope Consumer, long Gigabytes, long Seats)
    {
        public LicenseConsumption Build(DateTimeOffset now) => ConsumptionStoreContractTests.Consumption(License, Consumer, now, Gigabytes) with
        {
            Entitlements =
            [
                new ConsumedEntitlement("DataTransfer", "Gigabytes", Gigabytes.ToString(System.Globalization.CultureInfo.InvariantCulture), Gigabytes),
                .. Seats > 0 ? [new ConsumedEntitlement("Seats", "Count", null, Seats)] : Array.Empty<ConsumedEntitlement>(),
                new ConsumedEntitlement("Platinum Tier", "None", "Enabled", 0),
            ],
        };
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

    protected override Task<string> NewDatabaseAsync() => Task.FromResult(directory.NewSubdirectory());

    protected override async Task ExecuteSqlAsync(string location, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={SqliteStorage.DatabasePath(location)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The consumption contract on PostgreSQL.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresConsumptionStoreContractTests(PostgresTestServer server) : ConsumptionStoreContractTests
{
    protected override Task<string> ClassDatabaseAsync() => server.DatabaseAsync(nameof(PostgresConsumptionStoreContractTests));

    protected override bool SharesJobLocks => true;

    protected override ILicentiaStorage Open(string location) => PostgresStorage.Open(location);

    protected override Task<string> NewDatabaseAsync() => server.CreateDatabaseAsync("consumption_backfill");

    protected override async Task ExecuteSqlAsync(string location, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(location);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
