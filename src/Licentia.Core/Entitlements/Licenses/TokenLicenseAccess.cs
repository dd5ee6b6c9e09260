using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Errors;
using Licentia.Core.Tokens;

namespace Licentia.Core.Entitlements.Licenses;

/// <summary>
/// CreateToken's rule: a refresh token may name a license the caller issued, or one it received through a grant it
/// accepted (ACTIVE, or DISABLED: accepted and not yet activated), in the Region of the request, and not deleted.
/// Anything else is told the license does not exist (ResourceNotFoundException, which CreateToken declares), so a
/// token cannot be used to probe for other accounts' licenses.
/// </summary>
public sealed class TokenLicenseAccess(ILicenseStore licenses, IGrantStore grants, TimeProvider time) : ITokenLicenseAccess
{
    public async Task RequireAsync(Scope scope, string licenseArn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(licenses);
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(time);
        if (!LicenseArn.TryParse(licenseArn, out var arn))
        {
            throw new ValidationException(
                $"LicenseArn '{licenseArn}' is not a license ARN. Expected arn:aws:license-manager::<12-digit account>:license:l-<32 lowercase hex characters>.");
        }

        var visible = arn.AccountId == scope.AccountId
            || (await grants.ListReceivedAsync(scope, new GrantQuery
            {
                LicenseArns = [arn.ToString()],
                Statuses = [GrantStatus.Active, GrantStatus.Disabled],
                Limit = 1,
            }, ct)).Items.Count > 0;
        var license = visible ? await licenses.FindAsync(new Scope(arn.AccountId, scope.Region), arn.Id, ct) : null;
        var now = time.GetUtcNow();
        if (license is null || !license.IsReadableAt(now))
        {
            throw new ResourceNotFoundException(
                $"License '{licenseArn}' does not exist in {scope.Region}, or account {scope.AccountId} neither issued it nor accepted a grant of it.");
        }

        if (license.DeletedAt is not null)
        {
            throw new ValidationException($"License '{license.Arn}' is {LicenseStatusNames.ToWire(license.StatusAt(now))}; no new tokens can be issued for it.");
        }
    }
}
