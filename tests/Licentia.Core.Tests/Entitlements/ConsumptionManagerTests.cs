using Licentia.Core.Entitlements.Consumption;
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
}

/// <summary>The consumption store in memory: one lock stands for the per-license transaction lock.</summary>
internal sealed class InMemoryConsumptionStore : IConsumptionStore
{
    private readonly List<LicenseConsumption> _rows = [];
    private readonly Lock _lock = new();

    public Task<LicenseConsumption> CheckOutAsync(
        Scope license, string licenseArn, DateTimeOffset now, Func<IReadOnlyList<LicenseConsumption>, LicenseConsumption> decide, CancellationToken ct)
    {
        lock (_lock)
        {
            var consumption = decide(Active(license, licenseArn, now));
            _rows.Add(consumption);
            return Task.FromResult(consumption);
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

    private List<LicenseConsumption> Active(Scope license, string licenseArn, DateTimeOffset now) =>
        [.. _rows.Where(r => r.LicenseScope == license && r.LicenseArn == licenseArn && r.IsActiveAt(now))];
}
