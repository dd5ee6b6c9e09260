namespace Licentia.Core.Errors;

/// <summary>KMS: a quota would be exceeded (keys per Region, tags per key).</summary>
public sealed class LimitExceededException : ServiceException
{
    public LimitExceededException()
    {
    }

    public LimitExceededException(string message)
        : base(message)
    {
    }

    public LimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
