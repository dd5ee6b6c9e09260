namespace Licentia.Core.Errors;

/// <summary>The caller is not allowed to perform the operation.</summary>
public sealed class AccessDeniedException : ServiceException
{
    public AccessDeniedException()
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
