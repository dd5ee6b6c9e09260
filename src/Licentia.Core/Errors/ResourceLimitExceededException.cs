namespace Licentia.Core.Errors;

/// <summary>A quota would be exceeded (for example, license configurations per account and Region).</summary>
public sealed class ResourceLimitExceededException : ServiceException
{
    public ResourceLimitExceededException()
    {
    }

    public ResourceLimitExceededException(string message)
        : base(message)
    {
    }

    public ResourceLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
