using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;
using static Licentia.Core.Tests.Entitlements.EntitlementFixture;

namespace Licentia.Core.Tests.Entitlements;

public sealed class GrantManagerTests
{
    private readonly EntitlementFixture _f = new();

    private async Task<string> LicenseAsync() => (await _f.CreateLicenseAsync()).License.Arn;

    [Fact]
    public async Task An_account_grant_waits_for_acceptance_then_activation_by_the_grantee()
    {
        var license = await LicenseAsync();
        var grant = await _f.GrantAsync(Seller, license, Buyer);
        Assert.Matches("^arn:aws:license-manager::111111111111:grant:g-[0-9a-f]{32}$", grant.Arn);
        Assert.Equal((GrantStatus.PendingAccept, 1L, license, license), (grant.Status, grant.Version, grant.LicenseArn, grant.ParentArn));

        var accepted = await _f.Grants.AcceptGrantAsync(Buyer, grant.Arn, None);
        Assert.Equal((GrantStatus.Disabled, 2L), (accepted.Status, accepted.Version));
        var active = await _f.Grants.CreateGrantVersionAsync(Buyer, new CreateGrantVersionCommand { GrantArn = grant.Arn, Status = GrantStatus.Active, SourceVersion = "2" }, None);
        Assert.Equal((GrantStatus.Active, 3L), (active.Status, active.Version));

        var (_, first) = await _f.Grants.GetGrantAsync(Seller, grant.Arn, "1", None);
        Assert.Equal(GrantStatus.PendingAccept, first.Status);
        Assert.Equal(GrantStatus.Active, (await _f.Grants.GetGrantAsync(Buyer, grant.Arn, null, None)).Version.Status);
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Grants.GetGrantAsync(Third, grant.Arn, null, None));
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Grants.GetGrantAsync(Seller, grant.Arn, "4", None));
    }

    [Fact]
    public async Task An_organization_grant_waits_for_the_workflow()
    {
        var license = await LicenseAsync();
        var grant = await _f.Grants.CreateGrantAsync(Seller, new CreateGrantCommand
        {
            GrantName = "org",
            LicenseArn = license,
            Principals = ["arn:aws:organizations::222222222222:organization/o-abcdef1234"],
            HomeRegion = "us-east-1",
            AllowedOperations = ["CheckoutLicense"],
        }, None);
        Assert.Equal((GrantStatus.PendingWorkflow, (string?)null), (grant.Status, grant.GranteeAccountId));
        Assert.Empty((await _f.Grants.ListReceivedGrantsAsync(Buyer, new ListGrantsCommand(), None)).Items);
    }

    /// <summary>Who may do what: each call, by the grantor and by the grantee, from the status it needs.</summary>
    public static TheoryData<string, bool, Type?> Permissions() => new()
    {
        { "accept", false, null },
        { "accept", true, typeof(AccessDeniedException) },
        { "reject", false, null },
        { "reject", true, typeof(AccessDeniedException) },
        { "activate", false, null },
        { "activate", true, typeof(AccessDeniedException) },
        { "deactivate", false, null },
        { "deactivate", true, null },
        { "rename", true, null },
        { "rename", false, typeof(AccessDeniedException) },
        { "delete", true, null },
        { "delete", false, typeof(AccessDeniedException) },
    };

    [Theory]
    [MemberData(nameof(Permissions))]
    public async Task Each_party_makes_only_its_own_moves(string action, bool asGrantor, Type? refusal)
    {
        var license = await LicenseAsync();
        var grant = await _f.GrantAsync(Seller, license, Buyer);
        if (action is "activate")
        {
            grant = await _f.Grants.AcceptGrantAsync(Buyer, grant.Arn, None);
        }
        else if (action is "deactivate")
        {
            grant = await _f.ActiveGrantAsync(Seller, license, Buyer);
        }

        var caller = asGrantor ? Seller : Buyer;
        Func<Task<Grant>> call = action switch
        {
            "accept" => () => _f.Grants.AcceptGrantAsync(caller, grant.Arn, None),
            "reject" => () => _f.Grants.RejectGrantAsync(caller, grant.Arn, None),
            "activate" => () => _f.Grants.CreateGrantVersionAsync(caller, new CreateGrantVersionCommand { GrantArn = grant.Arn, Status = GrantStatus.Active }, None),
            "deactivate" => () => _f.Grants.CreateGrantVersionAsync(caller, new CreateGrantVersionCommand { GrantArn = grant.Arn, Status = GrantStatus.Disabled }, None),
            "rename" => () => _f.Grants.CreateGrantVersionAsync(caller, new CreateGrantVersionCommand { GrantArn = grant.Arn, GrantName = "renamed" }, None),
            _ => () => _f.Grants.DeleteGrantAsync(caller, grant.Arn, grant.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), "refund", None),
        };
        if (refusal is null)
        {
            var moved = await call();
            Assert.Equal(grant.Version + 1, moved.Version);
        }
        else
        {
            Assert.IsType(refusal, await Record.ExceptionAsync(call));
        }
    }

    public static TheoryData<string> IllegalMoves() => ["accept twice", "reject after accept", "activate pending", "accept rejected", "activate deleted", "delete deleted", "set REJECTED by version", "set DELETED by version"];

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public async Task Illegal_moves_are_refused_and_change_nothing(string move)
    {
        var license = await LicenseAsync();
        var grant = await _f.GrantAsync(Seller, license, Buyer);
        Func<Task> call;
        switch (move)
        {
            case "accept twice":
                await _f.Grants.AcceptGrantAsync(Buyer, grant.Arn, None);
                call = () => _f.Grants.AcceptGrantAsync(Buyer, grant.Arn, None);
                break;
            case "reject after accept":
                await _f.Grants.AcceptGrantAsync(Buyer, grant.Arn, None);
                call = () => _f.Grants.RejectGrantAsync(Buyer, grant.Arn, None);
                break;
            case "activate pending":
                call = () => _f.Grants.CreateGrantVersionAsync(Buyer, new CreateGrantVersionCommand { GrantArn = grant.Arn, Status = GrantStatus.Active }, None);
                break;
            case "accept rejected":
                await _f.Grants.RejectGrantAsync(Buyer, grant.Arn, None);
                call = () => _f.Grants.AcceptGrantAsync(Buyer, grant.Arn, None);
                break;
            case "activate deleted":
                await _f.Grants.DeleteGrantAsync(Seller, grant.Arn, "1", null, None);
                call = () => _f.Grants.CreateGrantVersionAsync(Buyer, new CreateGrantVersionCommand { GrantArn = grant.Arn, Status = GrantStatus.Active }, None);
                break;
            case "delete deleted":
                await _f.Grants.DeleteGrantAsync(Seller, grant.Arn, "1", null, None);
                call = () => _f.Grants.DeleteGrantAsync(Seller, grant.Arn, "2", null, None);
                break;
            case "set REJECTED by version":
                call = () => _f.Grants.CreateGrantVersionAsync(Buyer, new CreateGrantVersionCommand { GrantArn = grant.Arn, Status = GrantStatus.Rejected }, None);
                break;
            default:
                call = () => _f.Grants.CreateGrantVersionAsync(Seller, new CreateGrantVersionCommand { GrantArn = grant.Arn, Status = GrantStatus.Deleted, GrantName = "x" }, None);
                break;
        }

        var before = (await _f.Grants.GetGrantAsync(Seller, grant.Arn, null, None)).Grant;
        await Assert.ThrowsAsync<ValidationException>(call);
        Assert.Equal(before.Version, (await _f.Grants.GetGrantAsync(Seller, grant.Arn, null, None)).Grant.Version);
    }

    [Fact]
    public async Task Versions_must_be_current_and_a_version_must_change_something()
    {
        var license = await LicenseAsync();
        var grant = await _f.GrantAsync(Seller, license, Buyer);
        await Assert.ThrowsAsync<ConflictException>(() => _f.Grants.DeleteGrantAsync(Seller, grant.Arn, "2", null, None));
        await Assert.ThrowsAsync<ConflictException>(() => _f.Grants.CreateGrantVersionAsync(Seller, new CreateGrantVersionCommand { GrantArn = grant.Arn, GrantName = "x", SourceVersion = "7" }, None));
        await Assert.ThrowsAsync<ValidationException>(() => _f.Grants.CreateGrantVersionAsync(Seller, new CreateGrantVersionCommand { GrantArn = grant.Arn }, None));
        var renamed = await _f.Grants.CreateGrantVersionAsync(Seller, new CreateGrantVersionCommand
        {
            GrantArn = grant.Arn,
            GrantName = "renamed",
            AllowedOperations = ["CheckoutLicense", "CreateGrant"],
            Status = GrantStatus.PendingAccept,
        }, None);
        Assert.Equal(("renamed", GrantStatus.PendingAccept, 2L), (renamed.Latest.Name, renamed.Status, renamed.Version));
        Assert.Equal([GrantOperation.CheckoutLicense, GrantOperation.CreateGrant], renamed.Latest.AllowedOperations);
        Assert.Equal("to 222222222222", (await _f.Grants.GetGrantAsync(Buyer, grant.Arn, "1", None)).Version.Name);
    }

    public static TheoryData<string, Type> BadGrants() => new()
    {
        { "principal is the grantor", typeof(ValidationException) },
        { "principal is a user", typeof(InvalidParameterValueException) },
        { "two principals", typeof(InvalidParameterValueException) },
        { "other home region", typeof(ValidationException) },
        { "unknown operation", typeof(InvalidParameterValueException) },
        { "license of another account", typeof(InvalidParameterValueException) },
        { "malformed license ARN", typeof(InvalidParameterValueException) },
        { "blank name", typeof(ValidationException) },
    };

    [Theory]
    [MemberData(nameof(BadGrants))]
    public async Task CreateGrant_refuses_what_it_cannot_grant(string problem, Type refusal)
    {
        var license = await LicenseAsync();
        var command = new CreateGrantCommand
        {
            GrantName = "g",
            LicenseArn = license,
            Principals = [Principal(Buyer)],
            HomeRegion = "us-east-1",
            AllowedOperations = ["CheckoutLicense"],
        };
        command = problem switch
        {
            "principal is the grantor" => command with { Principals = [Principal(Seller)] },
            "principal is a user" => command with { Principals = ["arn:aws:iam::222222222222:user/bob"] },
            "two principals" => command with { Principals = [Principal(Buyer), Principal(Third)] },
            "other home region" => command with { HomeRegion = "eu-west-1" },
            "unknown operation" => command with { AllowedOperations = ["Checkout"] },
            "license of another account" => command with { LicenseArn = license.Replace("111111111111", "999999999999", StringComparison.Ordinal) },
            "malformed license ARN" => command with { LicenseArn = "arn:aws:license-manager:us-east-1:111111111111:license:x" },
            _ => command with { GrantName = " " },
        };
        Assert.IsType(refusal, await Record.ExceptionAsync(() => _f.Grants.CreateGrantAsync(Seller, command, None)));
        Assert.Empty(_f.Stores.AllGrants);
    }

    [Fact]
    public async Task An_activation_option_comes_with_activation_by_the_grantee_and_is_recorded()
    {
        var license = await LicenseAsync();
        var grant = await _f.Grants.AcceptGrantAsync(Buyer, (await _f.GrantAsync(Seller, license, Buyer)).Arn, None);
        CreateGrantVersionCommand Version(GrantStatus? status, string behavior) =>
            new() { GrantArn = grant.Arn, Status = status, ActivationOverrideBehavior = behavior };

        await Assert.ThrowsAsync<ValidationException>(() => _f.Grants.CreateGrantVersionAsync(Buyer, Version(null, GrantManager.DistributedGrantsOnly), None));
        await Assert.ThrowsAsync<ValidationException>(() => _f.Grants.CreateGrantVersionAsync(Buyer, Version(GrantStatus.Active, "EVERYTHING"), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Grants.CreateGrantVersionAsync(Seller, Version(GrantStatus.Active, GrantManager.AllGrantsPermittedByIssuer), None));
        var active = await _f.Grants.CreateGrantVersionAsync(Buyer, Version(GrantStatus.Active, GrantManager.AllGrantsPermittedByIssuer), None);
        Assert.Equal((GrantStatus.Active, GrantManager.AllGrantsPermittedByIssuer), (active.Status, active.Latest.ActivationOverrideBehavior));
        await Assert.ThrowsAsync<ValidationException>(() => _f.Grants.CreateGrantVersionAsync(Buyer, Version(GrantStatus.Active, GrantManager.DistributedGrantsOnly), None));

        // It has no effect on other grants: Licentia has no AWS Marketplace-sourced licenses, to which it applies.
        Assert.Equal(GrantStatus.Active, (await _f.Grants.GetGrantAsync(Buyer, grant.Arn, null, None)).Grant.Status);
    }

    [Fact]
    public async Task A_deleted_license_cannot_be_granted()
    {
        var license = await LicenseAsync();
        await _f.Licenses.DeleteLicenseAsync(Seller, license, "1", None);
        await Assert.ThrowsAsync<ValidationException>(() => _f.GrantAsync(Seller, license, Buyer));
    }

    [Fact]
    public async Task The_per_license_quota_counts_grants_that_are_not_final()
    {
        var f = new EntitlementFixture(new LicensingQuotas { GrantsPerLicense = 2 });
        var license = (await f.CreateLicenseAsync()).License.Arn;
        var first = await f.GrantAsync(Seller, license, Buyer);
        await f.GrantAsync(Seller, license, Third);
        var refused = await Assert.ThrowsAsync<ResourceLimitExceededException>(() => f.GrantAsync(Seller, license, new Scope("444444444444", "us-east-1")));
        Assert.Contains("2", refused.Message, StringComparison.Ordinal);

        await f.Grants.RejectGrantAsync(Buyer, first.Arn, None);
        await f.GrantAsync(Seller, license, new Scope("444444444444", "us-east-1"));
        Assert.Equal(2000, new LicensingQuotas().GrantsPerLicense);
    }

    [Fact]
    public async Task A_grantee_holding_CreateGrant_redistributes_within_what_it_received()
    {
        var license = await LicenseAsync();
        var fourth = new Scope("444444444444", "us-east-1");
        var plain = await _f.ActiveGrantAsync(Seller, license, Buyer, "CheckoutLicense");
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.GrantAsync(Buyer, license, Third, "CheckoutLicense"));

        await _f.Grants.CreateGrantVersionAsync(Seller, new CreateGrantVersionCommand { GrantArn = plain.Arn, AllowedOperations = ["CheckoutLicense", "CreateGrant"] }, None);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.GrantAsync(Buyer, license, Third, "CheckoutLicense", "CreateToken"));
        var child = await _f.GrantAsync(Buyer, license, Third, "CheckoutLicense");
        Assert.Equal((plain.Arn, license, "222222222222"), (child.ParentArn, child.LicenseArn, child.AccountId));
        Assert.Matches("^arn:aws:license-manager::222222222222:grant:", child.Arn);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Grants.CreateGrantVersionAsync(Buyer, new CreateGrantVersionCommand { GrantArn = child.Arn, AllowedOperations = ["CreateToken"] }, None));
        Assert.Equal([child.Arn], (await _f.Grants.ListDistributedGrantsAsync(Buyer, new ListGrantsCommand(), None)).Items.Select(g => g.Arn));
        Assert.Equal([child.Arn], (await _f.Grants.ListReceivedGrantsAsync(Third, new ListGrantsCommand(), None)).Items.Select(g => g.Arn));
        Assert.Single((await _f.Licenses.GetLicenseAsync(Third, license, null, None)).License.Versions);
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.GrantAsync(fourth, license, Third));
    }

    public static TheoryData<string, string, bool, int> GrantFilters() => new()
    {
        { "GrantStatus", "PENDING_ACCEPT", true, 2 },
        { "GrantStatus", "ACTIVE", true, 0 },
        { "GranteePrincipalARN", "arn:aws:iam::222222222222:root", true, 1 },
        { "ProductSKU", "AP-1", true, 2 },
        { "ProductSKU", "nope", true, 0 },
        { "LicenseIssuerName", "Example Software", true, 2 },
        { "LicenseArn", "LICENSE", true, 2 },
        { "GranterAccountId", "111111111111", false, 1 },
        { "GranterAccountId", "999999999999", false, 0 },
        { "ProductSKU", "AP-1", false, 1 },
    };

    [Theory]
    [MemberData(nameof(GrantFilters))]
    public async Task Grant_listings_filter_as_the_API_reference_lists(string name, string value, bool distributed, int count)
    {
        var license = await LicenseAsync();
        await _f.GrantAsync(Seller, license, Buyer);
        await _f.GrantAsync(Seller, license, Third);
        var command = new ListGrantsCommand { Filters = [new ListFilter(name, [value == "LICENSE" ? license : value])] };
        var page = distributed
            ? await _f.Grants.ListDistributedGrantsAsync(Seller, command, None)
            : await _f.Grants.ListReceivedGrantsAsync(Buyer, command, None);
        Assert.Equal(count, page.Items.Count);
    }

    [Fact]
    public async Task Grant_listings_refuse_filters_of_the_other_listing_and_scope_by_party()
    {
        var license = await LicenseAsync();
        var grant = await _f.GrantAsync(Seller, license, Buyer);
        await Assert.ThrowsAsync<InvalidParameterValueException>(() =>
            _f.Grants.ListDistributedGrantsAsync(Seller, new ListGrantsCommand { Filters = [new ListFilter("GranterAccountId", ["111111111111"])] }, None));
        Assert.Empty((await _f.Grants.ListDistributedGrantsAsync(Buyer, new ListGrantsCommand(), None)).Items);
        Assert.Empty((await _f.Grants.ListReceivedGrantsAsync(Seller, new ListGrantsCommand(), None)).Items);
        Assert.Empty((await _f.Grants.ListReceivedGrantsAsync(Third, new ListGrantsCommand(), None)).Items);
        Assert.Empty((await _f.Grants.ListReceivedGrantsAsync(Buyer with { Region = "eu-west-1" }, new ListGrantsCommand(), None)).Items);
        Assert.Single((await _f.Grants.ListReceivedGrantsAsync(Buyer, new ListGrantsCommand { GrantArns = [grant.Arn] }, None)).Items);
        await Assert.ThrowsAsync<InvalidParameterValueException>(() => _f.Grants.AcceptGrantAsync(Third, grant.Arn, None));
    }
}
