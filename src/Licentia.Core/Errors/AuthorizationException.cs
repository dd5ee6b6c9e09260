namespace Licentia.Core.Errors;

/// <summary>The caller's credentials do not authorize the operation.</summary>
public sealed class AuthorizationException : ServiceException
{
    public AuthorizationException()
    {
    }

    public AuthorizationException(string message)
        : base(message)
    {
    }

    public AuthorizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
