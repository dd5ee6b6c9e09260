using System.Text.Json;
using Licentia.Core;
using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Tagging;
using Licentia.Storage.Postgres;
using Licentia.Storage.Sqlite;
using Licentia.Testing;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>
/// The license and grant store contracts, written once and run on each engine by a subclass. Tests of one class
/// share a database; each works in accounts of its own.
/// </summary>
public abstract class EntitlementStoreContractTests : ContractTestBase
{
    private ILicenseStore Licenses => Storage.Licenses;

    private IGrantStore Grants => Storage.Grants;

    [Fact]
    public async Task A_license_round_trips_every_member_of_every_version_and_its_tags()
    {
        var scope = NewScope();
        var license = NewLicense(scope);
        await Licenses.InsertAsync(license, [new Tag("team", "sales")], None);
        Assert.Equal(Json(license), Json(await Licenses.FindAsync(scope, license.Id, None)));
        Assert.Equal([new Tag("team", "sales")], await Storage.Tags.ListAsync(scope, license.Arn, None));

        var v2 = license.WithNewVersion(license.Latest with
        {
            Name = "v2 – ünïcødé",
            Beneficiary = "other",
            Issuer = new LicenseIssuer("Renamed", license.Latest.Issuer.SignKeyArn, LicenseIssuer.Fingerprint(scope.AccountId, "Renamed")),
            Validity = new LicenseValidity(T0, null),
            Consumption = new ConsumptionConfiguration { RenewType = RenewType.Weekly, Borrow = new BorrowConfiguration(true, 1440) },
            Metadata = [],
            IssuedStatus = LicenseStatus.Suspended,
            ResetUsage = true,
            CreatedAt = T0.AddDays(1),
        });
        Assert.True(await Licenses.TryUpdateAsync(v2, 1, None));
        Assert.Equal(Json(v2), Json(await Licenses.FindAsync(scope, license.Id, None)));
        var deleted = v2.MarkDeleted(T0.AddDays(2));
        Assert.True(await Licenses.TryUpdateAsync(deleted, 2, None));
        Assert.Equal(Json(deleted), Json(await Licenses.FindAsync(scope, license.Id, None)));
    }

    [Fact]
    public async Task A_license_is_found_only_in_its_issuers_account_and_region()
    {
        var scope = NewScope();
        var license = NewLicense(scope);
        await Licenses.InsertAsync(license, [], None);
        Assert.Null(await Licenses.FindAsync(new Scope(NewAccountId(), scope.Region), license.Id, None));
        Assert.Null(await Licenses.FindAsync(scope with { Region = "eu-west-1" }, license.Id, None));
        Assert.Null(await Licenses.FindAsync(scope, "l-" + new string('0', 32), None));
    }

    [Fact]
    public async Task Updates_need_the_current_version_and_a_deleted_license_takes_none()
    {
        var scope = NewScope();
        var license = NewLicense(scope);
        await Licenses.InsertAsync(license, [], None);
        var next = license.WithNewVersion(license.Latest with { Name = "next" });
        Assert.False(await Licenses.TryUpdateAsync(next, 2, None));
        Assert.False(await Licenses.TryUpdateAsync(next with { AccountId = NewAccountId() }, 1, None));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            Licenses.TryUpdateAsync(license.WithNewVersion(license.Latest with { Name = "racer " + i }), 1, None))));
        Assert.Equal(1, results.Count(r => r));

        var current = (await Licenses.FindAsync(scope, license.Id, None))!;
        Assert.True(await Licenses.TryUpdateAsync(current.MarkDeleted(T0), 2, None));
        Assert.False(await Licenses.TryUpdateAsync(current.MarkDeleted(T0), 2, None));
    }

    [Fact]
    public async Task Licenses_list_in_creation_order_by_filters_and_pages_within_the_scope()
    {
        var scope = NewScope();
        var a = NewLicense(scope, sku: "A", beneficiary: "x");
        var b = NewLicense(scope, sku: "B", beneficiary: "x");
        var c = NewLicense(scope, sku: "A", beneficiary: "y", issuer: "Other");
        foreach (var license in new[] { a, b, c })
        {
            await Licenses.InsertAsync(license, [], None);
        }

        await Licenses.InsertAsync(NewLicense(new Scope(NewAccountId(), scope.Region)), [], None);
        await Licenses.InsertAsync(NewLicense(scope with { Region = "eu-west-1" }), [], None);

        Assert.Equal(Ids(a, b, c), Ids(await List(scope, new LicenseQuery { At = T0 })));
        Assert.Equal(Ids(a, c), Ids(await List(scope, new LicenseQuery { At = T0, ProductSkus = ["A"] })));
        Assert.Equal(Ids(c), Ids(await List(scope, new LicenseQuery { At = T0, Beneficiaries = ["y", "z"] })));
        Assert.Equal(Ids(c), Ids(await List(scope, new LicenseQuery { At = T0, IssuerNames = ["Other"] })));
        Assert.Equal(Ids(a, b), Ids(await List(scope, new LicenseQuery { At = T0, Fingerprints = [LicenseIssuer.Fingerprint(scope.AccountId, "Seller")] })));
        Assert.Equal(Ids(b), Ids(await List(scope, new LicenseQuery { At = T0, Ids = [b.Id, b.Id] })));
        Assert.Empty(await List(scope, new LicenseQuery { At = T0, Ids = [] }));
        Assert.Empty(await List(scope, new LicenseQuery { At = T0, ProductSkus = [] }));
        Assert.Equal(Ids(a, b, c), Ids(await List(scope, new LicenseQuery { At = T0, Statuses = [LicenseStatus.Available] })));
        Assert.Empty(await List(scope, new LicenseQuery { At = T0.AddYears(2), Statuses = [LicenseStatus.Available] }));
        Assert.Equal(Ids(a, b, c), Ids(await List(scope, new LicenseQuery { At = T0.AddYears(2), Statuses = [LicenseStatus.Expired] })));
        Assert.Empty(await List(scope, new LicenseQuery { At = T0, Statuses = [] }));

        var first = await Licenses.ListAsync(scope, new LicenseQuery { At = T0, Limit = 2 }, None);
        var second = await Licenses.ListAsync(scope, new LicenseQuery { At = T0, Limit = 2, After = first.NextCursor }, None);
        Assert.Equal((Ids(a, b), Ids(c)), (Ids(first.Items), Ids(second.Items)));
        Assert.NotNull(first.NextCursor);
        Assert.Null(second.NextCursor);
        var filtered = await Licenses.ListAsync(scope, new LicenseQuery { At = T0, Limit = 1, Statuses = [LicenseStatus.Available] }, None);
        Assert.Equal(Ids(a), Ids(filtered.Items));
        Assert.NotNull(filtered.NextCursor);
    }

    [Fact]
    public async Task A_deleted_license_is_listed_until_its_deletion_date_then_never()
    {
        var scope = NewScope();
        var license = NewLicense(scope);
        await Licenses.InsertAsync(license, [], None);
        var deleted = license.MarkDeleted(T0);
        Assert.True(await Licenses.TryUpdateAsync(deleted, 1, None));

        Assert.Single(await List(scope, new LicenseQuery { At = T0.AddMonths(6).AddTicks(-10) }));
        Assert.Single(await List(scope, new LicenseQuery { At = T0.AddDays(1), Statuses = [LicenseStatus.PendingDelete] }));
        Assert.Empty(await List(scope, new LicenseQuery { At = deleted.DeletionDate!.Value }));
        Assert.NotNull(await Licenses.FindAsync(scope, license.Id, None));
    }

    [Fact]
    public async Task Received_licenses_are_those_with_a_grant_to_the_account_in_the_region()
    {
        var seller = NewScope();
        var buyer = NewScope();
        var granted = NewLicense(seller, sku: "G");
        var other = NewLicense(seller, sku: "O");
        await Licenses.InsertAsync(granted, [], None);
        await Licenses.InsertAsync(other, [], None);
        Assert.Empty(await ListReceived(buyer, new LicenseQuery { At = T0 }));

        Assert.True(await Grants.TryInsertAsync(NewGrant(seller, granted, buyer.AccountId), [], 10, None));
        Assert.True(await Grants.TryInsertAsync(NewGrant(seller, granted, buyer.AccountId, GrantStatus.Rejected), [], 10, None));
        Assert.Equal(Ids(granted), Ids(await ListReceived(buyer, new LicenseQuery { At = T0 })));
        Assert.Equal(Ids(granted), Ids(await ListReceived(buyer, new LicenseQuery { At = T0, ProductSkus = ["G"], Ids = [granted.Id] })));
        Assert.Empty(await ListReceived(buyer, new LicenseQuery { At = T0, ProductSkus = ["O"] }));
        Assert.Empty(await ListReceived(buyer with { Region = "eu-west-1" }, new LicenseQuery { At = T0 }));
        Assert.Empty(await ListReceived(NewScope(), new LicenseQuery { At = T0 }));
        Assert.Empty(await ListReceived(seller, new LicenseQuery { At = T0 }));
    }

    [Fact]
    public async Task A_grant_round_trips_and_is_found_by_its_grantor_and_its_grantee_only()
    {
        var seller = NewScope();
        var buyer = NewScope();
        var license = NewLicense(seller);
        await Licenses.InsertAsync(license, [], None);
        var grant = NewGrant(seller, license, buyer.AccountId);
        Assert.True(await Grants.TryInsertAsync(grant, [new Tag("deal", "42")], 10, None));

        Assert.Equal(Json(grant), Json(await Grants.FindAsync(seller, grant.Id, None)));
        Assert.Equal(Json(grant), Json(await Grants.FindReceivedAsync(buyer, grant.Id, None)));
        Assert.Equal([new Tag("deal", "42")], await Storage.Tags.ListAsync(seller, grant.Arn, None));
        Assert.Null(await Grants.FindAsync(buyer, grant.Id, None));
        Assert.Null(await Grants.FindReceivedAsync(seller, grant.Id, None));
        Assert.Null(await Grants.FindReceivedAsync(NewScope(), grant.Id, None));
        Assert.Null(await Grants.FindReceivedAsync(buyer with { Region = "eu-west-1" }, grant.Id, None));

        var accepted = grant.Accept(T0.AddMinutes(1)).Activate(T0.AddMinutes(2), "go");
        Assert.False(await Grants.TryUpdateAsync(accepted, 2, None));
        Assert.True(await Grants.TryUpdateAsync(accepted, 1, None));
        Assert.Equal(Json(accepted), Json(await Grants.FindReceivedAsync(buyer, grant.Id, None)));

        var org = NewGrant(seller, license, null) with { GranteePrincipalArn = "arn:aws:organizations::111111111111:organization/o-abcdef1234" };
        Assert.True(await Grants.TryInsertAsync(org, [], 10, None));
        Assert.Equal(Json(org), Json(await Grants.FindAsync(seller, org.Id, None)));
    }

    [Fact]
    public async Task The_grant_quota_counts_live_grants_of_the_license_over_every_grantor()
    {
        var seller = NewScope();
        var redistributor = NewScope();
        var license = NewLicense(seller);
        await Licenses.InsertAsync(license, [], None);
        Assert.True(await Grants.TryInsertAsync(NewGrant(seller, license, NewAccountId()), [], 2, None));
        Assert.True(await Grants.TryInsertAsync(NewGrant(redistributor, license, NewAccountId()), [], 2, None));
        var refused = NewGrant(seller, license, NewAccountId());
        Assert.False(await Grants.TryInsertAsync(refused, [new Tag("k", "v")], 2, None));
        Assert.Null(await Grants.FindAsync(seller, refused.Id, None));
        Assert.Empty(await Storage.Tags.ListAsync(seller, refused.Arn, None));

        foreach (var final in GrantTransitions.Final)
        {
            Assert.True(await Grants.TryInsertAsync(NewGrant(seller, license, NewAccountId(), final), [], 3, None));
        }

        Assert.True(await Grants.TryInsertAsync(NewGrant(seller, NewLicense(seller), NewAccountId()), [], 2, None));
    }

    [Fact]
    public async Task Concurrent_grantors_cannot_pass_the_quota_together()
    {
        var seller = NewScope();
        var license = NewLicense(seller);
        await Licenses.InsertAsync(license, [], None);
        var other = OpenTracked();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Grants : other.Grants).TryInsertAsync(NewGrant(i % 3 == 0 ? seller : NewScope(), license, NewAccountId()), [], 3, None))));
        Assert.Equal(3, results.Count(r => r));
    }

    [Fact]
    public async Task Deleting_a_license_ends_every_grant_of_it_in_one_transaction_and_blocks_new_grants()
    {
        var seller = NewScope();
        var redistributor = NewScope();
        var license = NewLicense(seller);
        var otherLicense = NewLicense(seller);
        await Licenses.InsertAsync(license, [], None);
        await Licenses.InsertAsync(otherLicense, [], None);
        var own = NewGrant(seller, license, redistributor.AccountId, GrantStatus.Active);
        var onward = NewGrant(redistributor, license, NewAccountId());
        var deletedAlready = NewGrant(seller, license, NewAccountId(), GrantStatus.Deleted);
        var untouched = NewGrant(seller, otherLicense, NewAccountId());
        foreach (var grant in new[] { own, onward, deletedAlready, untouched })
        {
            Assert.True(await Grants.TryInsertAsync(grant, [], 10, None));
        }

        var deleted = license.MarkDeleted(T0.AddDays(1));
        var at = T0.AddDays(1);
        Grant End(Grant g) => g.Status == GrantStatus.Deleted ? g : g.Delete(at, "license deleted");
        Assert.False(await Licenses.TryDeleteAsync(deleted, 7, End, None));
        Assert.Equal(GrantStatus.Active, (await Grants.FindAsync(seller, own.Id, None))!.Status);

        Assert.True(await Licenses.TryDeleteAsync(deleted, 1, End, None));
        Assert.NotNull((await Licenses.FindAsync(seller, license.Id, None))!.DeletedAt);
        Assert.Equal((GrantStatus.Deleted, 2L, "license deleted"), Summary(await Grants.FindAsync(seller, own.Id, None)));
        Assert.Equal((GrantStatus.Deleted, 2L, "license deleted"), Summary(await Grants.FindAsync(redistributor, onward.Id, None)));
        Assert.Equal(1L, (await Grants.FindAsync(seller, deletedAlready.Id, None))!.Version);
        Assert.Equal(GrantStatus.PendingAccept, (await Grants.FindAsync(seller, untouched.Id, None))!.Status);
        Assert.False(await Licenses.TryDeleteAsync(deleted, 1, End, None));
        await Assert.ThrowsAsync<Core.Errors.ValidationException>(() => Grants.TryInsertAsync(NewGrant(seller, license, NewAccountId()), [], 10, None));

        static (GrantStatus, long, string?) Summary(Grant? g) => (g!.Status, g.Version, g.Latest.StatusReason);
    }

    [Fact]
    public async Task Grants_list_by_party_with_every_filter_and_page()
    {
        var seller = NewScope();
        var buyer = NewScope();
        var third = NewScope();
        var a = NewLicense(seller, sku: "A");
        var b = NewLicense(seller, sku: "B", issuer: "Other");
        await Licenses.InsertAsync(a, [], None);
        await Licenses.InsertAsync(b, [], None);
        var g1 = NewGrant(seller, a, buyer.AccountId);
        var g2 = NewGrant(seller, b, buyer.AccountId, GrantStatus.Active);
        var g3 = NewGrant(seller, a, third.AccountId);
        var g4 = NewGrant(third, a, buyer.AccountId) with { ParentArn = g3.Arn };
        foreach (var grant in new[] { g1, g2, g3, g4 })
        {
            Assert.True(await Grants.TryInsertAsync(grant, [], 100, None));
        }

        Assert.Equal(Ids(g1, g2, g3), Ids(await Distributed(seller, new GrantQuery())));
        Assert.Equal(Ids(g4), Ids(await Distributed(third, new GrantQuery())));
        Assert.Empty(await Distributed(seller with { Region = "eu-west-1" }, new GrantQuery()));
        Assert.Equal(Ids(g1, g2, g4), Ids(await Received(buyer, new GrantQuery())));
        Assert.Equal(Ids(g3), Ids(await Received(third, new GrantQuery())));

        Assert.Equal(Ids(g1, g3), Ids(await Distributed(seller, new GrantQuery { LicenseArns = [a.Arn] })));
        Assert.Equal(Ids(g2), Ids(await Distributed(seller, new GrantQuery { Statuses = [GrantStatus.Active] })));
        Assert.Equal(Ids(g3), Ids(await Distributed(seller, new GrantQuery { GranteePrincipalArns = [$"arn:aws:iam::{third.AccountId}:root"] })));
        Assert.Equal(Ids(g1, g3), Ids(await Distributed(seller, new GrantQuery { ProductSkus = ["A"] })));
        Assert.Equal(Ids(g2), Ids(await Distributed(seller, new GrantQuery { IssuerNames = ["Other"] })));
        Assert.Equal(Ids(g2), Ids(await Distributed(seller, new GrantQuery { Ids = [g2.Id, g4.Id] })));
        Assert.Equal(Ids(g4), Ids(await Received(buyer, new GrantQuery { GrantorAccountIds = [third.AccountId] })));
        Assert.Equal(Ids(g1, g4), Ids(await Received(buyer, new GrantQuery { ProductSkus = ["A"], Statuses = [GrantStatus.PendingAccept] })));
        Assert.Empty(await Received(buyer, new GrantQuery { Statuses = [] }));
        Assert.Empty(await Received(buyer, new GrantQuery { ProductSkus = [] }));

        var first = await Grants.ListReceivedAsync(buyer, new GrantQuery { Limit = 2 }, None);
        var second = await Grants.ListReceivedAsync(buyer, new GrantQuery { Limit = 2, After = first.NextCursor }, None);
        Assert.Equal((Ids(g1, g2), Ids(g4)), (Ids(first.Items), Ids(second.Items)));
        Assert.Null(second.NextCursor);
    }

    private async Task<IReadOnlyList<License>> List(Scope scope, LicenseQuery query) => (await Licenses.ListAsync(scope, query, None)).Items;

    private async Task<IReadOnlyList<License>> ListReceived(Scope scope, LicenseQuery query) => (await Licenses.ListReceivedAsync(scope, query, None)).Items;

    private async Task<IReadOnlyList<Grant>> Distributed(Scope scope, GrantQuery query) => (await Grants.ListDistributedAsync(scope, query, None)).Items;

    private async Task<IReadOnlyList<Grant>> Received(Scope scope, GrantQuery query) => (await Grants.ListReceivedAsync(scope, query, None)).Items;

    private static string Ids(params License[] licenses) => string.Join(",", licenses.Select(l => l.Id));

    private static string Ids(IEnumerable<License> licenses) => string.Join(",", licenses.Select(l => l.Id));

    private static string Ids(params Grant[] grants) => string.Join(",", grants.Select(g => g.Id));

    private static string Ids(IEnumerable<Grant> grants) => string.Join(",", grants.Select(g => g.Id));

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    internal static License NewLicense(Scope scope, string sku = "SKU-1", string beneficiary = "buyer", string issuer = "Seller")
    {
        var id = "l-" + Guid.NewGuid().ToString("N");
        return new License
        {
            Id = id,
            Arn = $"arn:aws:license-manager::{scope.AccountId}:license:{id}",
            AccountId = scope.AccountId,
            Region = scope.Region,
            CreatedAt = T0,
            Versions =
            [
                new LicenseVersion
                {
                    Number = 1,
                    Name = "Analytics Pro",
                    ProductName = "Analytics",
                    ProductSku = sku,
                    Beneficiary = beneficiary,
                    Issuer = new LicenseIssuer(issuer, $"arn:aws:kms:{scope.Region}:{scope.AccountId}:key/{Guid.NewGuid()}", LicenseIssuer.Fingerprint(scope.AccountId, issuer)),
                    HomeRegion = scope.Region,
                    Validity = new LicenseValidity(T0.AddDays(-1), T0.AddYears(1)),
                    Entitlements =
                    [
                        new Entitlement { Name = "DataTransfer", MaxCount = 40, Unit = "Gigabytes", AllowCheckIn = true },
                        new Entitlement { Name = "Seats", MaxCount = 5, Unit = "Count", Overage = true },
                        new Entitlement { Name = "Platinum Tier", Value = "Enabled", Unit = "None" },
                    ],
                    Consumption = new ConsumptionConfiguration { RenewType = RenewType.Monthly, Provisional = new ProvisionalConfiguration(60) },
                    Metadata = [new LicenseMetadata("contract", "C-42")],
                    CreatedAt = T0,
                },
            ],
        };
    }

    internal static Grant NewGrant(Scope grantor, License license, string? grantee, GrantStatus status = GrantStatus.PendingAccept)
    {
        var id = "g-" + Guid.NewGuid().ToString("N");
        return new Grant
        {
            Id = id,
            Arn = $"arn:aws:license-manager::{grantor.AccountId}:grant:{id}",
            AccountId = grantor.AccountId,
            Region = license.Region,
            LicenseArn = license.Arn,
            ParentArn = license.Arn,
            GranteePrincipalArn = $"arn:aws:iam::{grantee}:root",
            GranteeAccountId = grantee,
            CreatedAt = T0,
            Versions =
            [
                new GrantVersion
                {
                    Number = 1,
                    Name = "grant",
                    Status = status,
                    StatusReason = "because",
                    AllowedOperations = [GrantOperation.CheckoutLicense, GrantOperation.CreateGrant],
                    ActivationOverrideBehavior = "DISTRIBUTED_GRANTS_ONLY",
                    CreatedAt = T0,
                },
            ],
        };
    }
}

/// <summary>The license and grant contract on SQLite.</summary>
public sealed class SqliteEntitlementStoreContractTests(TempDirectory directory) : EntitlementStoreContractTests, IClassFixture<TempDirectory>
{
    protected override Task<string> ClassDatabaseAsync() => Task.FromResult(directory.Path);

    protected override ILicentiaStorage Open(string location) => SqliteStorage.Open(location);
}

/// <summary>The license and grant contract on PostgreSQL.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresEntitlementStoreContractTests(PostgresTestServer server) : EntitlementStoreContractTests
{
    protected override Task<string> ClassDatabaseAsync() => server.DatabaseAsync(nameof(PostgresEntitlementStoreContractTests));

    protected override ILicentiaStorage Open(string location) => PostgresStorage.Open(location);
}
