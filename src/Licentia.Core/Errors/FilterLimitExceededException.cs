namespace Licentia.Core.Errors;

/// <summary>The request uses more filters or filter values than allowed.</summary>
public sealed class FilterLimitExceededException : ServiceException
{
    public FilterLimitExceededException()
    {
    }

    public FilterLimitExceededException(string message)
        : base(message)
    {
    }

    public FilterLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
