using Licentia.Core.Entitlements.Consumption;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Errors;
using static Licentia.Core.Tests.Entitlements.EntitlementFixture;

namespace Licentia.Core.Tests.Entitlements;

public sealed class ConsumptionManagerTests
{
    private readonly EntitlementFixture _f = new();
    private readonly InMemoryConsumptionStore _store = new();
    private readonly ConsumptionManager _manager;

    public ConsumptionManagerTests() =>
        _manager = new ConsumptionManager(_f.Stores, _f.Stores, _store, new LicenseTokenSigner(_f.KeyManager), _f.Time);

    private static CheckoutCommand Checkout(string value = "10", string type = "PROVISIONAL") => new()
    {
        ProductSku = "AP-1",
        CheckoutType = type,
        KeyFingerprint = $"aws:{Seller.AccountId}:Example Software:issuer-fingerprint",
        Entitlements = [new RequestedEntitlement("DataTransfer", value, "Gigabytes"), new RequestedEntitlement("Platinum Tier", null, null)],
        NodeId = "node-1",
    };

    [Fact]
    public async Task The_issuer_and_an_active_grantee_check_out_others_do_not()
    {
        var license = await _f.CreateLicenseAsync();
        var own = await _manager.CheckoutAsync(Seller, Checkout(), None);
        Assert.Equal(license.License.Arn, own.Consumption.LicenseArn);
        Assert.StartsWith("eyJ", own.SignedToken, StringComparison.Ordinal);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _manager.CheckoutAsync(Buyer, Checkout(), None));
        await _f.GrantAsync(Seller, license.License.Arn, Buyer);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _manager.CheckoutAsync(Buyer, Checkout(), None));
        await _f.ActiveGrantAsync(Seller, license.License.Arn, Third, "CheckInLicense");
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _manager.CheckoutAsync(Third, Checkout(), None));
        await _f.ActiveGrantAsync(Seller, license.License.Arn, Buyer);
        var theirs = await _manager.CheckoutAsync(Buyer, Checkout(), None);
        Assert.Equal(Buyer.AccountId, theirs.Consumption.ConsumerAccountId);
        Assert.Equal(20, (await _manager.GetUsageAsync(Seller, license.License.Arn, None)).Single(u => u.Name == "DataTransfer").Consumed);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _manager.CheckInAsync(Seller, theirs.Consumption.Token, null, None));
        await _manager.CheckInAsync(Buyer, theirs.Consumption.Token, null, None);
    }

    [Fact]
    public async Task Past_the_limit_is_refused_and_provisional_consumption_lapses_unless_extended()
    {
        await _f.CreateLicenseAsync();
        var first = await _manager.CheckoutAsync(Seller, Checkout("30"), None);
        await Assert.ThrowsAsync<NoEntitlementsAllowedException>(() => _manager.CheckoutAsync(Seller, Checkout("11"), None));
        _f.Time.Advance(TimeSpan.FromMinutes(50));
        var extended = await _manager.ExtendAsync(Seller, first.Consumption.Token, dryRun: false, None);
        Assert.Equal(_f.Time.GetUtcNow().AddMinutes(60), extended.ExpiresAt);
        _f.Time.Advance(TimeSpan.FromMinutes(30));
        await Assert.ThrowsAsync<NoEntitlementsAllowedException>(() => _manager.CheckoutAsync(Seller, Checkout("11"), None));
        _f.Time.Advance(TimeSpan.FromMinutes(31));
        await _manager.CheckoutAsync(Seller, Checkout("40"), None);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _manager.ExtendAsync(Seller, first.Consumption.Token, dryRun: false, None));
    }

    [Fact]
    public async Task Perpetual_consumption_cannot_be_extended_and_its_token_expires_in_an_hour()
    {
        await _f.CreateLicenseAsync();
        var perpetual = await _manager.CheckoutAsync(Seller, Checkout(type: "PERPETUAL"), None);
        Assert.Null(perpetual.Consumption.ExpiresAt);
        Assert.Equal(_f.Time.GetUtcNow().AddHours(1), perpetual.TokenExpiresAt);
        await Assert.ThrowsAsync<ValidationException>(() => _manager.ExtendAsync(Seller, perpetual.Consumption.Token, dryRun: false, None));
        await Assert.ThrowsAsync<ValidationException>(() => _manager.CheckoutAsync(Seller, Checkout(type: "BORROW"), None));
    }

    [Fact]
    public async Task Borrowing_needs_a_BorrowConfiguration_and_JWT_PS384()
    {
        var license = await _f.CreateLicenseAsync();
        var borrow = new CheckoutBorrowCommand
        {
            LicenseArn = license.License.Arn,
            Entitlements = [new RequestedEntitlement("DataTransfer", "1", null)],
            DigitalSignatureMethod = "JWT_PS384",
        };
        await Assert.ThrowsAsync<ValidationException>(() => _manager.CheckoutBorrowAsync(Seller, borrow, None));
        await Assert.ThrowsAsync<UnsupportedDigitalSignatureMethodException>(() =>
            _manager.CheckoutBorrowAsync(Seller, borrow with { DigitalSignatureMethod = "JWT_RS256" }, None));
    }

    [Fact]
    public async Task Monthly_renewal_resets_usage_at_the_boundary_and_bounds_expiry()
    {
        // The fixture's license renews monthly from 2025-01-01; the clock starts on 2025-01-15 10:00.
        var license = await _f.CreateLicenseAsync();
        var boundary = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var perpetual = await _manager.CheckoutAsync(Seller, Checkout("40", "PERPETUAL") with { NodeId = null }, None);
        Assert.Equal(boundary, perpetual.Consumption.PeriodEndsAt);
        await Assert.ThrowsAsync<NoEntitlementsAllowedException>(() => _manager.CheckoutAsync(Seller, Checkout("1"), None));

        _f.Time.Advance(boundary - _f.Time.GetUtcNow() - TimeSpan.FromMinutes(30));
        await Assert.ThrowsAsync<NoEntitlementsAllowedException>(() => _manager.CheckoutAsync(Seller, Checkout("1", "PERPETUAL") with { NodeId = null }, None));
        _f.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await _manager.GetUsageAsync(Seller, license.License.Arn, None)).Single(u => u.Name == "DataTransfer").Consumed);
        var next = await _manager.CheckoutAsync(Seller, Checkout("40"), None);
        Assert.Equal(boundary.AddMonths(1), next.Consumption.PeriodEndsAt);
        Assert.Equal(40, (await _manager.GetUsageAsync(Seller, license.License.Arn, None)).Single(u => u.Name == "DataTransfer").Consumed);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _manager.CheckInAsync(Seller, perpetual.Consumption.Token, null, None));

        // A provisional check-out near the next boundary lives only until it, and so does its extension and its token.
        _f.Time.Advance(boundary.AddMonths(1) - _f.Time.GetUtcNow() - TimeSpan.FromMinutes(30));
        var nearEnd = await _manager.CheckoutAsync(Seller, Checkout("1"), None);
        Assert.Equal((boundary.AddMonths(1), boundary.AddMonths(1)), (nearEnd.Consumption.ExpiresAt!.Value, nearEnd.TokenExpiresAt));
        _f.Time.Advance(TimeSpan.FromMinutes(20));
        var extended = await _manager.ExtendAsync(Seller, nearEnd.Consumption.Token, dryRun: false, None);
        Assert.Equal(boundary.AddMonths(1), extended.ExpiresAt);
    }

    [Fact]
    public async Task A_check_out_of_an_entitlement_that_does_not_allow_check_in_cannot_be_checked_in()
    {
        var arn = (await _f.Licenses.CreateLicenseAsync(Seller, new CreateLicenseCommand
        {
            Content = _f.Content(await _f.SignKeyAsync(), entitlements: [DataTransfer with { AllowCheckIn = false }, Platinum]),
            ProductSku = "AP-1",
            Beneficiary = "buyer",
        }, None)).License.Arn;
        var taken = await _manager.CheckoutAsync(Seller, Checkout(), None);
        var error = await Assert.ThrowsAsync<ValidationException>(() => _manager.CheckInAsync(Seller, taken.Consumption.Token, null, None));
        Assert.Contains("AllowCheckIn", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, (await _manager.GetUsageAsync(Seller, arn, None)).Single(u => u.Name == "DataTransfer").Consumed);
        var platinumOnly = await _manager.CheckoutAsync(Seller, Checkout() with { Entitlements = [new RequestedEntitlement("Platinum Tier", null, null)] }, None);
        await _manager.CheckInAsync(Seller, platinumOnly.Consumption.Token, null, None);
    }

    [Fact]
    public async Task A_node_checking_out_again_renews_what_it_holds_other_nodes_count_separately()
    {
        var license = await _f.CreateLicenseAsync();
        var first = await _manager.CheckoutAsync(Seller, Checkout("30"), None);
        _f.Time.Advance(TimeSpan.FromMinutes(20));
        var again = await _manager.CheckoutAsync(Seller, Checkout("30"), None);
        Assert.Equal(first.Consumption.Token, again.Consumption.Token);
        Assert.Equal(_f.Time.GetUtcNow().AddMinutes(60), again.Consumption.ExpiresAt);
        Assert.Equal(30, (await _manager.GetUsageAsync(Seller, license.License.Arn, None)).Single(u => u.Name == "DataTransfer").Consumed);
        await Assert.ThrowsAsync<NoEntitlementsAllowedException>(() => _manager.CheckoutAsync(Seller, Checkout("30") with { NodeId = "node-2" }, None));
        var other = await _manager.CheckoutAsync(Seller, Checkout("10") with { NodeId = "node-2" }, None);
        Assert.NotEqual(first.Consumption.Token, other.Consumption.Token);
        Assert.Equal(40, (await _manager.GetUsageAsync(Seller, license.License.Arn, None)).Single(u => u.Name == "DataTransfer").Consumed);
        // 10:00 + 60 minutes would have lapsed by now; renewed at 10:20, node-1's 30 GB still count.
        _f.Time.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(40, (await _manager.GetUsageAsync(Seller, license.License.Arn, None)).Single(u => u.Name == "DataTransfer").Consumed);
    }

    [Fact]
    public async Task A_deleted_license_is_checked_out_by_nobody_and_says_so()
    {
        var arn = (await _f.CreateLicenseAsync()).License.Arn;
        await _f.ActiveGrantAsync(Seller, arn, Buyer, "CheckoutLicense", "CheckoutBorrowLicense");
        var held = await _manager.CheckoutAsync(Buyer, Checkout(), None);
        await _f.Licenses.DeleteLicenseAsync(Seller, arn, "1", None);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _manager.CheckoutAsync(Buyer, Checkout(), None));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _manager.CheckoutAsync(Seller, Checkout(), None));
        var borrow = new CheckoutBorrowCommand { LicenseArn = arn, Entitlements = [new RequestedEntitlement("DataTransfer", "1", null)], DigitalSignatureMethod = "JWT_PS384" };
        var refused = await Assert.ThrowsAsync<ValidationException>(() => _manager.CheckoutBorrowAsync(Buyer, borrow, None));
        Assert.Contains("PENDING_DELETE", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ValidationException>(() => _manager.ExtendAsync(Buyer, held.Consumption.Token, dryRun: false, None));
        await _manager.CheckInAsync(Buyer, held.Consumption.Token, null, None);
    }

    [Fact]
    public async Task Housekeeping_purges_consumption_lapsed_past_the_retention_in_batches_under_the_job_lock()
    {
        await _f.CreateLicenseAsync();
        for (var i = 0; i < 5; i++)
        {
            await _manager.CheckoutAsync(Seller, Checkout("1") with { NodeId = "node-" + i }, None);
        }

        await _manager.CheckoutAsync(Seller, Checkout("1", "PERPETUAL") with { NodeId = null }, None);
        var job = new ConsumptionHousekeepingJob(_store, _f.Time, batchSize: 2);
        _f.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await job.RunOnceAsync(None));
        _f.Time.Advance(TimeSpan.FromMinutes(61));
        _store.LockHeldElsewhere = true;
        Assert.Null(await job.RunOnceAsync(None));
        _store.LockHeldElsewhere = false;
        Assert.Equal(5, await job.RunOnceAsync(None));
        Assert.Equal(1, _store.Count);

        // The perpetual check-out lapsed at the end of January, its renewal period; seven days later it goes too.
        _f.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(1, await job.RunOnceAsync(None));
        Assert.Equal(0, _store.Count);
    }
}

/// <summary>The consumption store in memory: one lock stands for the per-license transaction lock.</summary>
internal sealed class InMemoryConsumptionStore : IConsumptionStore
{
    private readonly List<LicenseConsumption> _rows = [];
    private readonly Lock _lock = new();

    public Task<LicenseConsumption> CheckOutAsync(CheckoutReads reads, Func<CheckoutFacts, LicenseConsumption> decide, CancellationToken ct)
    {
        lock (_lock)
        {
            var holds = reads.Node is { } node
                ? [.. Active(reads.Totals.License, reads.Totals.LicenseArn, reads.Totals.Now).Where(r =>
                    r.ConsumerAccountId == node.ConsumerAccountId && r.NodeId == node.NodeId && r.Beneficiary == node.Beneficiary && r.Kind == node.Kind)]
                : new List<LicenseConsumption>();
            var consumption = decide(new CheckoutFacts(Sum(reads.Totals), holds));
            var held = _rows.FindIndex(r => r.ConsumerScope == consumption.ConsumerScope && r.Token == consumption.Token);
            if (held >= 0)
            {
                _rows[held] = _rows[held] with { ExpiresAt = consumption.ExpiresAt };
            }
            else
            {
                _rows.Add(consumption);
            }

            return Task.FromResult(consumption);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> SumActiveAsync(UsageQuery query, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyDictionary<string, long>>(Sum(query));
        }
    }

    public Task<LicenseConsumption?> FindAsync(Scope consumer, string token, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.FirstOrDefault(r => r.ConsumerScope == consumer && r.Token == token));
        }
    }

    public Task<bool> TryCheckInAsync(Scope consumer, string token, DateTimeOffset now, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.RemoveAll(r => r.ConsumerScope == consumer && r.Token == token && r.IsActiveAt(now)) == 1);
        }
    }

    public Task<bool> TryExtendAsync(Scope consumer, string token, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct)
    {
        lock (_lock)
        {
            var i = _rows.FindIndex(r => r.ConsumerScope == consumer && r.Token == token && r.ExpiresAt is not null && r.IsActiveAt(now));
            if (i < 0)
            {
                return Task.FromResult(false);
            }

            _rows[i] = _rows[i] with { ExpiresAt = expiresAt };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<LicenseConsumption>> ListActiveAsync(Scope license, string licenseArn, DateTimeOffset now, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<LicenseConsumption>>(Active(license, licenseArn, now));
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _rows.Count;
            }
        }
    }

    public bool LockHeldElsewhere { get; set; }

    public Task<int> PurgeLapsedAsync(DateTimeOffset lapsedBefore, int batchSize, CancellationToken ct)
    {
        lock (_lock)
        {
            var doomed = _rows.Where(r => r.LapsesAt is { } at && at < lapsedBefore).Take(batchSize).ToList();
            _rows.RemoveAll(doomed.Contains);
            return Task.FromResult(doomed.Count);
        }
    }

    public Task<IAsyncDisposable?> TryAcquireJobLockAsync(string jobName, CancellationToken ct) =>
        Task.FromResult<IAsyncDisposable?>(LockHeldElsewhere ? null : new NoLock());

    private sealed class NoLock : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private Dictionary<string, long> Sum(UsageQuery query)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in Active(query.License, query.LicenseArn, query.Now).Where(r => r.LicenseVersion >= query.FromVersion))
        {
            foreach (var taken in row.Entitlements.Where(e => query.Names.Contains(e.Name)))
            {
                totals[taken.Name] = totals.GetValueOrDefault(taken.Name) + taken.Quantity;
            }
        }

        return totals;
    }

    private List<LicenseConsumption> Active(Scope license, string licenseArn, DateTimeOffset now) =>
        [.. _rows.Where(r => r.LicenseScope == license && r.LicenseArn == licenseArn && r.IsActiveAt(now))];
}
