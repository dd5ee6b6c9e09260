using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Errors;

namespace Licentia.Core.Tests.Entitlements;

public sealed class LicenseStatusRulesTests
{
    private static readonly DateTimeOffset Begin = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deleted = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Facts (issued status, deletion) and the clock, and the status that follows, by precedence.</summary>
    public static TheoryData<string, LicenseStatus, bool, string, LicenseStatus> Derivations() => new()
    {
        { "within validity", LicenseStatus.Available, false, "2025-06-01", LicenseStatus.Available },
        { "before it begins", LicenseStatus.Available, false, "2024-12-31", LicenseStatus.PendingAvailable },
        { "at its end", LicenseStatus.Available, false, "2026-01-01", LicenseStatus.Expired },
        { "after its end", LicenseStatus.Available, false, "2027-01-01", LicenseStatus.Expired },
        { "deactivated wins over expiry", LicenseStatus.Deactivated, false, "2027-01-01", LicenseStatus.Deactivated },
        { "suspended wins over pending", LicenseStatus.Suspended, false, "2024-12-31", LicenseStatus.Suspended },
        { "deleted, within six months", LicenseStatus.Available, true, "2025-08-31", LicenseStatus.PendingDelete },
        { "deleted wins over deactivated", LicenseStatus.Deactivated, true, "2025-03-02", LicenseStatus.PendingDelete },
        { "deleted, six months on", LicenseStatus.Available, true, "2025-09-01", LicenseStatus.Deleted },
        { "deleted and long expired", LicenseStatus.Available, true, "2030-01-01", LicenseStatus.Deleted },
    };

    [Theory]
    [MemberData(nameof(Derivations))]
    public void Status_is_derived_from_facts_and_the_clock(string because, LicenseStatus issued, bool deleted, string now, LicenseStatus expected)
    {
        var license = Sample(issued);
        if (deleted)
        {
            license = license.MarkDeleted(Deleted);
        }

        var at = DateTimeOffset.Parse(now + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, license.StatusAt(at));
        Assert.Equal(expected != LicenseStatus.Deleted, license.IsReadableAt(at));
        Assert.NotNull(because);
    }

    /// <summary>Every requested status from every issued status: the three settable ones move, derived ones are refused.</summary>
    public static TheoryData<LicenseStatus, LicenseStatus, bool> Requests()
    {
        var data = new TheoryData<LicenseStatus, LicenseStatus, bool>();
        foreach (var from in LicenseStatusRules.Settable)
        {
            foreach (var requested in Enum.GetValues<LicenseStatus>())
            {
                data.Add(from, requested, LicenseStatusRules.Settable.Contains(requested));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void The_issuer_sets_available_deactivated_or_suspended_only(LicenseStatus from, LicenseStatus requested, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(requested, LicenseStatusRules.Request(from, requested));
        }
        else
        {
            Assert.Throws<ValidationException>(() => LicenseStatusRules.Request(from, requested));
        }
    }

    [Theory]
    [InlineData(LicenseStatus.Expired)]
    [InlineData(LicenseStatus.PendingDelete)]
    [InlineData(LicenseStatus.Deleted)]
    [InlineData(LicenseStatus.PendingAvailable)]
    public void Moves_start_only_from_an_issued_status(LicenseStatus from)
    {
        Assert.Throws<ValidationException>(() => LicenseStatusRules.Deactivate(from));
        Assert.Throws<ValidationException>(() => LicenseStatusRules.Suspend(from));
        Assert.Throws<ValidationException>(() => LicenseStatusRules.Reactivate(from));
    }

    [Fact]
    public void A_deleted_license_is_read_only_and_cannot_be_deleted_twice()
    {
        var deleted = Sample(LicenseStatus.Available).MarkDeleted(Deleted);
        Assert.Equal((Deleted, Deleted.AddMonths(6)), (deleted.DeletedAt!.Value, deleted.DeletionDate!.Value));
        Assert.Throws<ValidationException>(() => deleted.MarkDeleted(Deleted.AddDays(1)));
        Assert.Throws<ValidationException>(() => deleted.WithNewVersion(deleted.Latest));
    }

    [Fact]
    public void New_versions_are_numbered_on_and_earlier_ones_are_kept_as_they_were()
    {
        var license = Sample(LicenseStatus.Available);
        var next = license.WithNewVersion(license.Latest with { Name = "renamed", Number = 99 });
        Assert.Equal([1L, 2L], next.Versions.Select(v => v.Number));
        Assert.Same(license.Latest, next.Versions[0]);
        Assert.Equal("renamed", next.Latest.Name);
        Assert.Equal("renamed", next.FindVersion(2)!.Name);
        Assert.Null(next.FindVersion(3));
        Assert.Null(next.FindVersion(0));
    }

    [Fact]
    public void Wire_names_round_trip()
    {
        Assert.All(Enum.GetValues<LicenseStatus>(), s => Assert.Equal(s, LicenseStatusNames.Parse(LicenseStatusNames.ToWire(s))));
        Assert.Throws<ValidationException>(() => LicenseStatusNames.Parse("Available"));
        Assert.All(Enum.GetValues<RenewType>(), r => Assert.Equal(r, RenewTypeNames.Parse(RenewTypeNames.ToWire(r))));
        Assert.Throws<ValidationException>(() => RenewTypeNames.Parse("Daily"));
    }

    internal static License Sample(LicenseStatus issued) => new()
    {
        Id = "l-" + new string('c', 32),
        Arn = "arn:aws:license-manager::111111111111:license:l-" + new string('c', 32),
        AccountId = "111111111111",
        Region = "us-east-1",
        CreatedAt = Begin,
        Versions =
        [
            new LicenseVersion
            {
                Number = 1,
                Name = "n",
                ProductName = "p",
                ProductSku = "s",
                Beneficiary = "b",
                Issuer = new LicenseIssuer("i", "arn:aws:kms:us-east-1:111111111111:key/k", LicenseIssuer.Fingerprint("111111111111", "i")),
                HomeRegion = "us-east-1",
                Validity = new LicenseValidity(Begin, End),
                Entitlements = [new Entitlement { Name = "e", Unit = "None" }],
                Consumption = new ConsumptionConfiguration(),
                IssuedStatus = issued,
                CreatedAt = Begin,
            },
        ],
    };
}
