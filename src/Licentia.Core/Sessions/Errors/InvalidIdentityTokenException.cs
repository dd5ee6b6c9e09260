using Licentia.Core.Errors;

namespace Licentia.Core.Sessions.Errors;

/// <summary>STS's InvalidIdentityToken error: The web identity token is not valid.</summary>
public sealed class InvalidIdentityTokenException : ServiceException
{
    public InvalidIdentityTokenException()
    {
    }

    public InvalidIdentityTokenException(string message)
        : base(message)
    {
    }

    public InvalidIdentityTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
