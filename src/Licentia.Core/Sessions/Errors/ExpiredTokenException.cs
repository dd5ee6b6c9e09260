using Licentia.Core.Errors;

namespace Licentia.Core.Sessions.Errors;

/// <summary>STS's ExpiredToken error: The web identity token has expired.</summary>
public sealed class ExpiredTokenException : ServiceException
{
    public ExpiredTokenException()
    {
    }

    public ExpiredTokenException(string message)
        : base(message)
    {
    }

    public ExpiredTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
