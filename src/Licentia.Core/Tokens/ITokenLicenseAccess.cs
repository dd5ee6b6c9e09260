namespace Licentia.Core.Tokens;

/// <summary>Whether a caller may issue refresh tokens for a license (CreateToken): the licenses side answers.</summary>
public interface ITokenLicenseAccess
{
    /// <summary>Returns when the license exists and the scope's account may hand it to customers; throws otherwise.</summary>
    /// <exception cref="Errors.ResourceNotFoundException">No such license visible to the caller.</exception>
    /// <exception cref="Errors.ValidationException">The ARN is not a license ARN, or the license is deleted.</exception>
    Task RequireAsync(Scope scope, string licenseArn, CancellationToken ct);
}
