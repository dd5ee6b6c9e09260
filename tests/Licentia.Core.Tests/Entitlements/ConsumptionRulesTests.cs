using System.Security.Cryptography;
using Licentia.Core.Entitlements.Consumption;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Errors;
using Licentia.Core.Keys;

namespace Licentia.Core.Tests.Entitlements;

public sealed class ConsumptionRulesTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Limited_entitlements_are_counted_exactly_up_to_MaxCount()
    {
        var license = License();
        var taken = ConsumptionRules.Decide(license, [new("DataTransfer", "10", "Gigabytes"), new("Platinum Tier", null, "None")], NothingInUse);
        Assert.Equal([new ConsumedEntitlement("DataTransfer", "Gigabytes", "10", 10), new ConsumedEntitlement("Platinum Tier", "None", "Enabled", 0)], taken);
        var active = new[] { Consumed(license, 30) };
        Assert.Single(ConsumptionRules.Decide(license, [new("DataTransfer", "10", null)], InUse(license, active)));
        Assert.Throws<NoEntitlementsAllowedException>(() => ConsumptionRules.Decide(license, [new("DataTransfer", "11", null)], InUse(license, active)));
        Assert.Throws<NoEntitlementsAllowedException>(() => ConsumptionRules.Decide(license, [new("DataTransfer", "1", null)], InUse(license, [Consumed(license, 40)])));
    }

    [Fact]
    public void Overage_lets_consumption_pass_MaxCount_and_usage_reports_it()
    {
        var license = License(new Entitlement { Name = "Seats", MaxCount = 2, Unit = "Count", Overage = true });
        var active = new[] { Consumed(license, 2, "Seats") };
        Assert.Single(ConsumptionRules.Decide(license, [new("Seats", "3", "Count")], InUse(license, active)));
        var usage = Assert.Single(ConsumptionRules.Usage(license, InUse(license, [.. active, Consumed(license, 3, "Seats")])));
        Assert.Equal((5L, 2L, 3L), (usage.Consumed, usage.MaxCount!.Value, usage.Overage));
    }

    [Fact]
    public void Unlimited_entitlements_check_out_by_name_and_count_nothing()
    {
        var license = License();
        var many = Enumerable.Range(0, 100).Select(_ => Consumed(license, 0, "Platinum Tier")).ToArray();
        Assert.Equal(0, Assert.Single(ConsumptionRules.Decide(license, [new("Platinum Tier", null, null)], InUse(license, many))).Quantity);
    }

    [Fact]
    public void Bad_requests_are_refused_with_the_right_error()
    {
        var license = License();
        Assert.Throws<NoEntitlementsAllowedException>(() => ConsumptionRules.Decide(license, [new("Gold", null, null)], NothingInUse));
        Assert.Throws<ValidationException>(() => ConsumptionRules.Decide(license, [], NothingInUse));
        Assert.Throws<ValidationException>(() => ConsumptionRules.Decide(license, [new("DataTransfer", "1", "Count")], NothingInUse));
        Assert.Throws<ValidationException>(() => ConsumptionRules.Decide(license, [new("DataTransfer", "-1", null)], NothingInUse));
        Assert.Throws<ValidationException>(() => ConsumptionRules.Decide(license, [new("DataTransfer", "1", null), new("DataTransfer", "1", null)], NothingInUse));
    }

    [Fact]
    public void A_version_that_resets_usage_stops_earlier_consumption_counting()
    {
        var license = License();
        var before = Consumed(license, 40);
        var reset = license with { Versions = [.. license.Versions, license.Latest with { Number = 2, ResetUsage = true }] };
        Assert.Equal(0, ConsumptionRules.Consumed(reset, [before]).GetValueOrDefault("DataTransfer"));
        Assert.Equal(40, ConsumptionRules.Consumed(license, [before])["DataTransfer"]);
    }

    [Fact]
    public void A_check_out_reads_totals_only_of_enforced_limits_and_a_node_only_its_own_check_outs()
    {
        var license = License(
            EntitlementFixture.DataTransfer,
            EntitlementFixture.Platinum,
            new Entitlement { Name = "Seats", MaxCount = 2, Unit = "Count", Overage = true });
        var now = T0.AddMinutes(5);

        var unlimitedOnly = ConsumptionRules.ReadsFor(license, now, [new("Platinum Tier", null, null)], "222222222222", null, null, CheckoutKind.Provisional);
        Assert.Empty(unlimitedOnly.Totals.Names);
        Assert.Null(unlimitedOnly.Node);

        var mixed = ConsumptionRules.ReadsFor(
            license, now,
            [new("Platinum Tier", null, null), new("Seats", "1", null), new("DataTransfer", "3", null), new("DataTransfer", "4", null), new("Gold", null, null)],
            "222222222222", "buyer", "node-1", CheckoutKind.Borrow);
        Assert.Equal(["DataTransfer"], mixed.Totals.Names);
        Assert.Equal(new UsageQuery(license.Scope, license.Arn, now, 1, mixed.Totals.Names), mixed.Totals);
        Assert.Equal(new NodeQuery("222222222222", "buyer", "node-1", CheckoutKind.Borrow), mixed.Node);

        var reset = license with { Versions = [.. license.Versions, license.Latest with { Number = 2, ResetUsage = true }, license.Latest with { Number = 3 }] };
        Assert.Equal(2, ConsumptionRules.ReadsFor(reset, now, [new("DataTransfer", null, null)], "222222222222", null, null, CheckoutKind.Perpetual).Totals.FromVersion);
        Assert.Equal(new[] { "DataTransfer", "Platinum Tier", "Seats" }, ConsumptionRules.UsageQueryFor(reset, now).Names);
    }

    [Fact]
    public void Deciding_from_the_totals_of_enforced_limits_is_deciding_from_every_active_check_out()
    {
        // The store sums only the names ReadsFor asks for; the decision must not depend on any other.
        var license = License(
            EntitlementFixture.DataTransfer,
            EntitlementFixture.Platinum,
            new Entitlement { Name = "Seats", MaxCount = 2, Unit = "Count", Overage = true });
        var active = new[] { Consumed(license, 35), Consumed(license, 5, "Seats"), Consumed(license, 0, "Platinum Tier") };
        foreach (var requested in new RequestedEntitlement[][]
        {
            [new("DataTransfer", "5", null), new("Seats", "4", null)],
            [new("DataTransfer", "6", null)],
            [new("Platinum Tier", null, null), new("Seats", "9", null)],
        })
        {
            var reads = ConsumptionRules.ReadsFor(license, T0, requested, "222222222222", null, null, CheckoutKind.Provisional);
            var totals = InUse(license, active).Where(t => reads.Totals.Names.Contains(t.Key)).ToDictionary();
            var fromEverything = Record.Exception(() => ConsumptionRules.Decide(license, requested, InUse(license, active)));
            var fromTotals = Record.Exception(() => ConsumptionRules.Decide(license, requested, totals));
            Assert.Equal(fromEverything?.GetType(), fromTotals?.GetType());
            if (fromEverything is null)
            {
                Assert.Equal(ConsumptionRules.Decide(license, requested, InUse(license, active)), ConsumptionRules.Decide(license, requested, totals));
            }
        }
    }

    [Fact]
    public void Time_to_live_comes_from_the_consumption_configuration()
    {
        var configuration = new ConsumptionConfiguration { Provisional = new ProvisionalConfiguration(30), Borrow = new BorrowConfiguration(true, 120) };
        Assert.Equal(TimeSpan.FromMinutes(30), ConsumptionRules.TimeToLive(configuration, CheckoutKind.Provisional));
        Assert.Equal(TimeSpan.FromMinutes(120), ConsumptionRules.TimeToLive(configuration, CheckoutKind.Borrow));
        Assert.Null(ConsumptionRules.TimeToLive(configuration, CheckoutKind.Perpetual));
        Assert.Equal(TimeSpan.FromMinutes(60), ConsumptionRules.TimeToLive(new ConsumptionConfiguration(), CheckoutKind.Provisional));
        Assert.Throws<ValidationException>(() => ConsumptionRules.TimeToLive(new ConsumptionConfiguration(), CheckoutKind.Borrow));
    }

    [Fact]
    public void Expiry_is_derived_from_the_stored_instant_and_the_clock()
    {
        var c = Consumed(License(), 1);
        Assert.True(c.IsActiveAt(T0.AddMinutes(59)));
        Assert.False(c.IsActiveAt(T0.AddMinutes(60)));
        Assert.True((c with { ExpiresAt = null }).IsActiveAt(T0.AddYears(10)));
    }

    [Fact]
    public void A_renewal_period_end_stops_any_consumption_counting()
    {
        var c = Consumed(License(), 1) with { ExpiresAt = null, PeriodEndsAt = T0.AddDays(7) };
        Assert.True(c.IsActiveAt(T0.AddDays(7).AddTicks(-1)));
        Assert.False(c.IsActiveAt(T0.AddDays(7)));
        Assert.Equal(T0.AddDays(7), c.LapsesAt);
        Assert.Equal(T0.AddMinutes(60), (c with { ExpiresAt = T0.AddMinutes(60) }).LapsesAt);
        Assert.Null((c with { PeriodEndsAt = null }).LapsesAt);
    }

    [Fact]
    public void A_node_checking_out_the_same_again_gets_what_it_holds()
    {
        var license = License();
        var held = Consumed(license, 10) with { NodeId = "node-1", Entitlements = [new ConsumedEntitlement("DataTransfer", "Gigabytes", "10", 10)] };
        RequestedEntitlement[] same = [new("DataTransfer", "10", "Gigabytes")];
        Assert.Same(held, ConsumptionRules.HeldByNode(license, [held], "222222222222", null, "node-1", CheckoutKind.Provisional, same));
        Assert.Null(ConsumptionRules.HeldByNode(license, [held], "222222222222", null, "node-2", CheckoutKind.Provisional, same));
        Assert.Null(ConsumptionRules.HeldByNode(license, [held], "222222222222", null, null, CheckoutKind.Provisional, same));
        Assert.Null(ConsumptionRules.HeldByNode(license, [held], "333333333333", null, "node-1", CheckoutKind.Provisional, same));
        Assert.Null(ConsumptionRules.HeldByNode(license, [held], "222222222222", "someone", "node-1", CheckoutKind.Provisional, same));
        Assert.Null(ConsumptionRules.HeldByNode(license, [held], "222222222222", null, "node-1", CheckoutKind.Perpetual, same));
        Assert.Null(ConsumptionRules.HeldByNode(license, [held], "222222222222", null, "node-1", CheckoutKind.Provisional, [new("DataTransfer", "5", null)]));
        Assert.Null(ConsumptionRules.HeldByNode(license, [held], "222222222222", null, "node-1", CheckoutKind.Provisional,
            [new("DataTransfer", "10", null), new("Platinum Tier", null, null)]));
    }

    [Fact]
    public void Check_in_needs_every_entitlement_taken_to_allow_it_and_a_borrow_to_allow_early_check_in()
    {
        var license = License(
            new Entitlement { Name = "DataTransfer", MaxCount = 40, Unit = "Gigabytes", AllowCheckIn = false },
            new Entitlement { Name = "Seats", MaxCount = 5, Unit = "Count", AllowCheckIn = true });
        var seats = Consumed(license, 1, "Seats");
        ConsumptionRules.RequireCheckInAllowed(license, seats);
        ConsumptionRules.RequireCheckInAllowed(License(), Consumed(License(), 0, "Platinum Tier"));
        var error = Assert.Throws<ValidationException>(() => ConsumptionRules.RequireCheckInAllowed(license, Consumed(license, 10)));
        Assert.Contains("'DataTransfer'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowCheckIn", error.Message, StringComparison.Ordinal);

        var noEarly = license with
        {
            Versions = [license.Latest with { Consumption = new ConsumptionConfiguration { Borrow = new BorrowConfiguration(false, 60) } }],
        };
        Assert.Throws<ValidationException>(() => ConsumptionRules.RequireCheckInAllowed(noEarly, seats with { Kind = CheckoutKind.Borrow }));
        ConsumptionRules.RequireCheckInAllowed(noEarly, seats);
    }

    [Theory]
    [InlineData(SigningKeySpec.EccNistP256, "ECDSA_SHA_256")]
    [InlineData(SigningKeySpec.EccNistP384, "ECDSA_SHA_384")]
    [InlineData(SigningKeySpec.EccNistP521, "ECDSA_SHA_512")]
    public void DER_ECDSA_signatures_become_the_JWS_form(SigningKeySpec spec, string kms)
    {
        Assert.Equal(kms, LicenseTokenSigner.Algorithms(spec).Kms);
        var curve = spec switch
        {
            SigningKeySpec.EccNistP256 => ECCurve.NamedCurves.nistP256,
            SigningKeySpec.EccNistP384 => ECCurve.NamedCurves.nistP384,
            _ => ECCurve.NamedCurves.nistP521,
        };
        using var key = ECDsa.Create(curve);
        byte[] data = [1, 2, 3];
        for (var i = 0; i < 20; i++)
        {
            var der = key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            var jws = LicenseTokenSigner.DerToConcatenated(der, LicenseTokenSigner.CoordinateLength(spec));
            Assert.Equal(2 * LicenseTokenSigner.CoordinateLength(spec), jws.Length);
            Assert.True(key.VerifyData(data, jws, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        }
    }

    private static readonly Dictionary<string, long> NothingInUse = [];

    private static Dictionary<string, long> InUse(License license, IEnumerable<LicenseConsumption> active) => ConsumptionRules.Consumed(license, active);

    private static License License(params Entitlement[] entitlements) => new()
    {
        Id = "l-" + new string('a', 32),
        Arn = "arn:aws:license-manager::111111111111:license:l-" + new string('a', 32),
        AccountId = "111111111111",
        Region = "us-east-1",
        CreatedAt = T0,
        Versions =
        [
            new LicenseVersion
            {
                Number = 1,
                Name = "Analytics Pro",
                ProductName = "Analytics",
                ProductSku = "AP-1",
                Beneficiary = "buyer",
                Issuer = new LicenseIssuer("Seller", "arn:aws:kms:us-east-1:111111111111:key/k", LicenseIssuer.Fingerprint("111111111111", "Seller")),
                HomeRegion = "us-east-1",
                Validity = new LicenseValidity(T0, null),
                Entitlements = entitlements.Length > 0 ? entitlements : [EntitlementFixture.DataTransfer, EntitlementFixture.Platinum],
                Consumption = new ConsumptionConfiguration { Provisional = new ProvisionalConfiguration(60) },
                CreatedAt = T0,
            },
        ],
    };

    private static LicenseConsumption Consumed(License license, long quantity, string name = "DataTransfer") => new()
    {
        Token = Guid.NewGuid().ToString("N"),
        LicenseArn = license.Arn,
        LicenseAccountId = license.AccountId,
        Region = license.Region,
        ConsumerAccountId = "222222222222",
        LicenseVersion = 1,
        Kind = CheckoutKind.Provisional,
        Entitlements = [new ConsumedEntitlement(name, license.Latest.FindEntitlement(name)!.Unit, null, quantity)],
        IssuedAt = T0,
        ExpiresAt = T0.AddMinutes(60),
    };
}
