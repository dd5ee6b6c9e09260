namespace Licentia.Core.Errors;

/// <summary>Too many requests in a short time; the caller should retry after a brief wait.</summary>
public sealed class RateLimitExceededException : ServiceException
{
    public RateLimitExceededException()
    {
    }

    public RateLimitExceededException(string message)
        : base(message)
    {
    }

    public RateLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
