using Licentia.Core.Errors;

namespace Licentia.Core.Sessions.Errors;

/// <summary>STS's IDPRejectedClaim error: The identity provider rejected a claim of the token.</summary>
public sealed class IDPRejectedClaimException : ServiceException
{
    public IDPRejectedClaimException()
    {
    }

    public IDPRejectedClaimException(string message)
        : base(message)
    {
    }

    public IDPRejectedClaimException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
