namespace Licentia.Core.Errors;

/// <summary>The resource was changed by another request meanwhile; the caller may retry.</summary>
public sealed class ConflictException : ServiceException
{
    public ConflictException()
    {
    }

    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
