using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;
using static Licentia.Core.Tests.Entitlements.EntitlementFixture;

namespace Licentia.Core.Tests.Entitlements;

public sealed class IssuedLicenseManagerTests
{
    private readonly EntitlementFixture _f = new();

    [Fact]
    public async Task Created_license_is_version_1_with_a_regionless_ARN_and_the_issuer_fingerprint()
    {
        var key = await _f.SignKeyAsync();
        var created = await _f.Licenses.CreateLicenseAsync(Seller, new CreateLicenseCommand
        {
            Content = _f.Content(key),
            ProductSku = "AP-1",
            Beneficiary = "buyer@example.com",
            Tags = [new Licentia.Core.Tagging.Tag("team", "sales")],
        }, None);

        Assert.Matches("^arn:aws:license-manager::111111111111:license:l-[0-9a-f]{32}$", created.License.Arn);
        Assert.Equal((1L, LicenseStatus.Available), (created.Version.Number, created.Status));
        Assert.Equal(new LicenseIssuer("Example Software", key, "aws:111111111111:Example Software:issuer-fingerprint"), created.Version.Issuer);
        Assert.Equal(["DataTransfer", "Platinum Tier"], created.Version.Entitlements.Select(e => e.Name));
        Assert.True(created.Version.FindEntitlement("Platinum Tier")!.IsUnlimited);
        Assert.Equal(40, created.Version.FindEntitlement("DataTransfer")!.MaxCount);
        Assert.Equal([new Licentia.Core.Tagging.Tag("team", "sales")], _f.Stores.Tags[created.License.Arn]);
        Assert.Equal(created.License, (await _f.Licenses.GetLicenseAsync(Seller, created.License.Arn, null, None)).License);
    }

    public static TheoryData<string, Func<string, string>> BadSignKeys() => new()
    {
        { "missing", _ => null! },
        { "a key id, not an ARN", key => key[(key.LastIndexOf('/') + 1)..] },
        { "another Region", key => key.Replace("us-east-1", "eu-west-1", StringComparison.Ordinal) },
        { "another account", key => key.Replace("111111111111", "999999999999", StringComparison.Ordinal) },
        { "no such key", key => key[..^12] + "000000000000" },
        { "not KMS", _ => "arn:aws:s3:::bucket" },
    };

    [Theory]
    [MemberData(nameof(BadSignKeys))]
    public async Task The_sign_key_must_be_a_KMS_key_of_the_caller_in_the_home_region(string because, Func<string, string> mangle)
    {
        var key = await _f.SignKeyAsync();
        var refused = await Assert.ThrowsAsync<ValidationException>(() => _f.Licenses.CreateLicenseAsync(Seller, new CreateLicenseCommand
        {
            Content = _f.Content(mangle(key)),
            ProductSku = "AP-1",
            Beneficiary = "b",
        }, None));
        Assert.Contains("SignKey", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(because);
    }

    [Fact]
    public async Task Home_region_must_be_the_request_region()
    {
        var key = await _f.SignKeyAsync();
        await Assert.ThrowsAsync<ValidationException>(() => _f.Licenses.CreateLicenseAsync(Seller, new CreateLicenseCommand
        {
            Content = _f.Content(key, homeRegion: "eu-west-1"),
            ProductSku = "AP-1",
            Beneficiary = "b",
        }, None));
    }

    [Fact]
    public async Task Versions_are_numbered_immutable_and_readable_one_by_one()
    {
        var created = await _f.CreateLicenseAsync();
        var key = created.Version.Issuer.SignKeyArn;
        _f.Time.Advance(TimeSpan.FromDays(1));
        var v2 = await _f.Licenses.CreateLicenseVersionAsync(Seller, new CreateLicenseVersionCommand
        {
            LicenseArn = created.License.Arn,
            Content = _f.Content(key, entitlements: [DataTransfer with { MaxCount = 80 }, Platinum]) with { LicenseName = "Analytics Pro 2" },
            Status = LicenseStatus.Available,
            SourceVersion = "1",
        }, None);

        Assert.Equal((2L, "Analytics Pro 2", 80L), (v2.Version.Number, v2.Version.Name, v2.Version.FindEntitlement("DataTransfer")!.MaxCount!.Value));
        Assert.Equal(("AP-1", "buyer@example.com"), (v2.Version.ProductSku, v2.Version.Beneficiary));
        var v1 = await _f.Licenses.GetLicenseAsync(Seller, created.License.Arn, "1", None);
        Assert.Equal(created.Version, v1.Version);
        Assert.Equal(40, v1.Version.FindEntitlement("DataTransfer")!.MaxCount);
        Assert.Equal(2, (await _f.Licenses.GetLicenseAsync(Seller, created.License.Arn, null, None)).Version.Number);
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Licenses.GetLicenseAsync(Seller, created.License.Arn, "3", None));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Licenses.GetLicenseAsync(Seller, created.License.Arn, "two", None));

        var stale = await Assert.ThrowsAsync<ConflictException>(() => _f.Licenses.CreateLicenseVersionAsync(Seller, new CreateLicenseVersionCommand
        {
            LicenseArn = created.License.Arn,
            Content = _f.Content(key),
            Status = LicenseStatus.Available,
            SourceVersion = "1",
        }, None));
        Assert.Contains("2", stale.Message, StringComparison.Ordinal);

        var page = await _f.Licenses.ListLicenseVersionsAsync(Seller, created.License.Arn, 1, null, None);
        Assert.Equal([1L], page.Items.Select(v => v.Version.Number));
        var rest = await _f.Licenses.ListLicenseVersionsAsync(Seller, created.License.Arn, 1, page.NextCursor, None);
        Assert.Equal([2L], rest.Items.Select(v => v.Version.Number));
        Assert.Null(rest.NextCursor);
    }

    [Theory]
    [InlineData(LicenseStatus.Deactivated, LicenseStatus.Deactivated)]
    [InlineData(LicenseStatus.Suspended, LicenseStatus.Suspended)]
    [InlineData(LicenseStatus.Available, LicenseStatus.Available)]
    public async Task A_version_sets_the_issued_status(LicenseStatus requested, LicenseStatus shown)
    {
        var created = await _f.CreateLicenseAsync();
        var next = await _f.Licenses.CreateLicenseVersionAsync(Seller, new CreateLicenseVersionCommand
        {
            LicenseArn = created.License.Arn,
            Content = _f.Content(created.Version.Issuer.SignKeyArn),
            Status = requested,
        }, None);
        Assert.Equal(shown, next.Status);
    }

    [Theory]
    [InlineData(LicenseStatus.Expired)]
    [InlineData(LicenseStatus.PendingDelete)]
    [InlineData(LicenseStatus.Deleted)]
    [InlineData(LicenseStatus.PendingAvailable)]
    public async Task Derived_statuses_cannot_be_requested(LicenseStatus requested)
    {
        var created = await _f.CreateLicenseAsync();
        await Assert.ThrowsAsync<ValidationException>(() => _f.Licenses.CreateLicenseVersionAsync(Seller, new CreateLicenseVersionCommand
        {
            LicenseArn = created.License.Arn,
            Content = _f.Content(created.Version.Issuer.SignKeyArn),
            Status = requested,
        }, None));
    }

    [Fact]
    public async Task Expiry_follows_the_clock()
    {
        var created = await _f.CreateLicenseAsync();
        Assert.Equal(LicenseStatus.Available, created.Status);
        _f.Time.Advance(TimeSpan.FromDays(365));
        Assert.Equal(LicenseStatus.Expired, (await _f.Licenses.GetLicenseAsync(Seller, created.License.Arn, null, None)).Status);
    }

    [Fact]
    public async Task Deletion_needs_the_current_version_keeps_the_license_readable_for_six_months_then_it_is_gone()
    {
        var created = await _f.CreateLicenseAsync();
        var arn = created.License.Arn;
        await _f.GrantAsync(Seller, arn, Buyer);

        await Assert.ThrowsAsync<ConflictException>(() => _f.Licenses.DeleteLicenseAsync(Seller, arn, "2", None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Licenses.DeleteLicenseAsync(Buyer, arn, "1", None));
        var deletion = await _f.Licenses.DeleteLicenseAsync(Seller, arn, "1", None);
        Assert.Equal((LicenseStatus.PendingDelete, _f.Time.GetUtcNow().AddMonths(6)), (deletion.Status, deletion.DeletionDate));

        Assert.Equal(LicenseStatus.PendingDelete, (await _f.Licenses.GetLicenseAsync(Seller, arn, null, None)).Status);
        Assert.Equal(LicenseStatus.PendingDelete, (await _f.Licenses.GetLicenseAsync(Buyer, arn, null, None)).Status);
        await Assert.ThrowsAsync<ValidationException>(() => _f.Licenses.DeleteLicenseAsync(Seller, arn, "1", None));
        await Assert.ThrowsAsync<ValidationException>(() => _f.Licenses.CreateLicenseVersionAsync(Seller, new CreateLicenseVersionCommand
        {
            LicenseArn = arn,
            Content = _f.Content(created.Version.Issuer.SignKeyArn),
            Status = LicenseStatus.Available,
        }, None));
        Assert.Single((await _f.Licenses.ListLicensesAsync(Seller, new ListLicensesCommand { Filters = [new ListFilter("Status", ["PENDING_DELETE"])] }, None)).Items);

        _f.Time.Advance(deletion.DeletionDate - _f.Time.GetUtcNow());
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Licenses.GetLicenseAsync(Seller, arn, null, None));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Licenses.GetLicenseAsync(Buyer, arn, null, None));
        Assert.Empty((await _f.Licenses.ListLicensesAsync(Seller, new ListLicensesCommand(), None)).Items);
        Assert.Empty((await _f.Licenses.ListReceivedLicensesAsync(Buyer, new ListLicensesCommand(), None)).Items);
    }

    [Fact]
    public async Task Deleting_a_license_deletes_every_grant_of_it_and_grantees_see_it()
    {
        var arn = (await _f.CreateLicenseAsync()).License.Arn;
        var active = await _f.ActiveGrantAsync(Seller, arn, Buyer, "CheckoutLicense", "CreateGrant");
        var redistributed = await _f.GrantAsync(Buyer, arn, Third, "CheckoutLicense");
        var rejected = await _f.GrantAsync(Seller, arn, new Scope("444444444444", Seller.Region));
        await _f.Grants.RejectGrantAsync(new Scope("444444444444", Seller.Region), rejected.Arn, None);

        await _f.Licenses.DeleteLicenseAsync(Seller, arn, "1", None);
        Assert.All(_f.Stores.AllGrants, g => Assert.Equal(GrantStatus.Deleted, g.Status));
        Assert.All(_f.Stores.AllGrants, g => Assert.Equal(IssuedLicenseManager.DeletedWithLicense, g.Latest.StatusReason));
        Assert.Equal(active.Version + 1, _f.Stores.AllGrants.Single(g => g.Arn == active.Arn).Version);
        Assert.Equal(redistributed.Version + 1, _f.Stores.AllGrants.Single(g => g.Arn == redistributed.Arn).Version);

        var received = Assert.Single((await _f.Licenses.ListReceivedLicensesAsync(Buyer, new ListLicensesCommand(), None)).Items);
        Assert.Equal((LicenseStatus.PendingDelete, GrantStatus.Deleted), (received.View.Status, received.Received.ReceivedStatus));
    }

    [Fact]
    public async Task A_grantee_reads_the_license_and_an_outsider_is_told_it_does_not_exist()
    {
        var created = await _f.CreateLicenseAsync();
        var arn = created.License.Arn;
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Licenses.GetLicenseAsync(Buyer, arn, null, None));

        await _f.GrantAsync(Seller, arn, Buyer);
        Assert.Equal(created.License.Id, (await _f.Licenses.GetLicenseAsync(Buyer, arn, null, None)).License.Id);
        Assert.Single((await _f.Licenses.ListLicenseVersionsAsync(Buyer, arn, null, null, None)).Items);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Licenses.CreateLicenseVersionAsync(Buyer, new CreateLicenseVersionCommand
        {
            LicenseArn = arn,
            Content = _f.Content(created.Version.Issuer.SignKeyArn),
            Status = LicenseStatus.Available,
        }, None));

        var outsider = await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Licenses.GetLicenseAsync(Third, arn, null, None));
        Assert.Contains("does not exist", outsider.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _f.Licenses.CreateLicenseVersionAsync(Third, new CreateLicenseVersionCommand
        {
            LicenseArn = arn,
            Content = _f.Content(created.Version.Issuer.SignKeyArn),
            Status = LicenseStatus.Available,
        }, None));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Licenses.GetLicenseAsync(SellerElsewhere, arn, null, None));
        Assert.Empty((await _f.Licenses.ListLicensesAsync(Buyer, new ListLicensesCommand(), None)).Items);
        Assert.Empty((await _f.Licenses.ListLicensesAsync(SellerElsewhere, new ListLicensesCommand(), None)).Items);
        Assert.Empty((await _f.Licenses.ListReceivedLicensesAsync(Third, new ListLicensesCommand(), None)).Items);
    }

    public static TheoryData<string, string, int> ListFilters() => new()
    {
        { "ProductSKU", "AP-1", 2 },
        { "ProductSKU", "AP-2", 1 },
        { "Beneficiary", "b@example.com", 1 },
        { "Fingerprint", "aws:111111111111:Example Software:issuer-fingerprint", 3 },
        { "Fingerprint", "aws:999999999999:Example Software:issuer-fingerprint", 0 },
        { "Status", "AVAILABLE", 3 },
        { "Status", "EXPIRED", 0 },
    };

    [Theory]
    [MemberData(nameof(ListFilters))]
    public async Task ListLicenses_filters_as_the_API_reference_lists(string name, string value, int count)
    {
        await _f.CreateLicenseAsync(sku: "AP-1");
        await _f.CreateLicenseAsync(sku: "AP-1", beneficiary: "b@example.com");
        await _f.CreateLicenseAsync(sku: "AP-2");
        var page = await _f.Licenses.ListLicensesAsync(Seller, new ListLicensesCommand { Filters = [new ListFilter(name, [value])] }, None);
        Assert.Equal(count, page.Items.Count);
    }

    [Fact]
    public async Task ListLicenses_refuses_unknown_filters_pages_and_takes_ARNs()
    {
        var a = await _f.CreateLicenseAsync();
        var b = await _f.CreateLicenseAsync();
        await _f.CreateLicenseAsync();
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Licenses.ListLicensesAsync(Seller, new ListLicensesCommand { Filters = [new ListFilter("productSKU", ["x"])] }, None));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Licenses.ListLicensesAsync(Seller, new ListLicensesCommand { Filters = [new ListFilter("Status", ["Available"])] }, None));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Licenses.ListLicensesAsync(Seller, new ListLicensesCommand { MaxResults = 0 }, None));

        var first = await _f.Licenses.ListLicensesAsync(Seller, new ListLicensesCommand { MaxResults = 2 }, None);
        var second = await _f.Licenses.ListLicensesAsync(Seller, new ListLicensesCommand { MaxResults = 2, After = first.NextCursor }, None);
        Assert.Equal((2, 1, (string?)null), (first.Items.Count, second.Items.Count, second.NextCursor));

        var byArn = await _f.Licenses.ListLicensesAsync(Seller, new ListLicensesCommand { LicenseArns = [a.License.Arn, b.License.Arn, "arn:aws:license-manager::999999999999:license:l-" + new string('0', 32)] }, None);
        Assert.Equal([a.License.Arn, b.License.Arn], byArn.Items.Select(l => l.License.Arn));
    }

    [Fact]
    public async Task Received_licenses_carry_the_decisive_grants_metadata()
    {
        var license = await _f.CreateLicenseAsync();
        var arn = license.License.Arn;
        var grant = await _f.GrantAsync(Seller, arn, Buyer, "CheckoutLicense", "CreateToken");
        var pending = Assert.Single((await _f.Licenses.ListReceivedLicensesAsync(Buyer, new ListLicensesCommand(), None)).Items);
        Assert.Equal((GrantStatus.PendingAccept, arn), (pending.Received.ReceivedStatus, pending.View.License.Arn));
        Assert.Equal([GrantOperation.CheckoutLicense, GrantOperation.CreateToken], pending.Received.AllowedOperations);

        await _f.Grants.AcceptGrantAsync(Buyer, grant.Arn, None);
        await _f.Grants.CreateGrantVersionAsync(Buyer, new CreateGrantVersionCommand { GrantArn = grant.Arn, Status = GrantStatus.Active, StatusReason = "go" }, None);
        var active = Assert.Single((await _f.Licenses.ListReceivedLicensesAsync(Buyer, new ListLicensesCommand(), None)).Items);
        Assert.Equal((GrantStatus.Active, "go"), (active.Received.ReceivedStatus, active.Received.ReceivedStatusReason));

        Assert.Single((await _f.Licenses.ListReceivedLicensesAsync(Buyer, new ListLicensesCommand { Filters = [new ListFilter("IssuerName", ["Example Software"])] }, None)).Items);
        Assert.Empty((await _f.Licenses.ListReceivedLicensesAsync(Buyer, new ListLicensesCommand { Filters = [new ListFilter("ProductSKU", ["other"])] }, None)).Items);
        Assert.Single((await _f.Licenses.ListReceivedLicensesAsync(Buyer, new ListLicensesCommand { LicenseArns = [arn] }, None)).Items);
    }

    [Fact]
    public void Among_several_grants_the_active_then_the_newest_decides()
    {
        var older = GrantTransitionsTests.GrantIn(GrantStatus.Rejected);
        var active = GrantTransitionsTests.GrantIn(GrantStatus.Active) with { CreatedAt = older.CreatedAt.AddDays(-1) };
        var pending = GrantTransitionsTests.GrantIn(GrantStatus.PendingAccept) with { CreatedAt = older.CreatedAt.AddDays(1) };
        Assert.Equal(GrantStatus.Active, ReceivedMetadata.From([older, active, pending]).ReceivedStatus);
        Assert.Equal(GrantStatus.PendingAccept, ReceivedMetadata.From([older, pending]).ReceivedStatus);
        var newerPending = pending with { CreatedAt = pending.CreatedAt.AddDays(1), Versions = [pending.Latest with { StatusReason = "newer" }] };
        Assert.Equal("newer", ReceivedMetadata.From([pending, newerPending]).ReceivedStatusReason);
    }
}
