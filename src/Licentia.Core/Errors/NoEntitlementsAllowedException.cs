namespace Licentia.Core.Errors;

/// <summary>No entitlement the request asks for can be allowed: none exists, or the request would take more than remains.</summary>
public sealed class NoEntitlementsAllowedException : ServiceException
{
    public NoEntitlementsAllowedException()
    {
    }

    public NoEntitlementsAllowedException(string message)
        : base(message)
    {
    }

    public NoEntitlementsAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
