namespace Licentia.Core.Errors;

/// <summary>The named resource does not exist.</summary>
public sealed class ResourceNotFoundException : ServiceException
{
    public ResourceNotFoundException()
    {
    }

    public ResourceNotFoundException(string message)
        : base(message)
    {
    }

    public ResourceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
