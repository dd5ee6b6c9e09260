using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Errors;
using static Licentia.Core.Tests.Entitlements.EntitlementFixture;

namespace Licentia.Core.Tests.Entitlements;

public sealed class TokenLicenseAccessTests
{
    private readonly EntitlementFixture _f = new();

    [Fact]
    public async Task Tokens_name_licenses_the_caller_issued_or_accepted_a_grant_of()
    {
        var access = new TokenLicenseAccess(_f.Stores, _f.Stores, _f.Time);
        var arn = (await _f.CreateLicenseAsync()).License.Arn;
        await access.RequireAsync(Seller, arn, None);

        // A pending grant is not enough; once accepted (DISABLED) or active it is.
        var grant = await _f.GrantAsync(Seller, arn, Buyer);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => access.RequireAsync(Buyer, arn, None));
        await _f.Grants.AcceptGrantAsync(Buyer, grant.Arn, None);
        await access.RequireAsync(Buyer, arn, None);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => access.RequireAsync(Third, arn, None));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => access.RequireAsync(SellerElsewhere, arn, None));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => access.RequireAsync(Seller, arn[..^4] + "0000", None));
        await Assert.ThrowsAsync<ValidationException>(() => access.RequireAsync(Seller, "arn:aws:iam::111111111111:role/x", None));

        await _f.Licenses.DeleteLicenseAsync(Seller, arn, "1", None);
        var deleted = await Assert.ThrowsAsync<ValidationException>(() => access.RequireAsync(Seller, arn, None));
        Assert.Contains("PENDING_DELETE", deleted.Message, StringComparison.Ordinal);
    }
}
