namespace Licentia.Core.Errors;

/// <summary>KMS: the request would have succeeded, but DryRun was set, so nothing was done.</summary>
public sealed class DryRunOperationException : ServiceException
{
    public DryRunOperationException()
    {
    }

    public DryRunOperationException(string message)
        : base(message)
    {
    }

    public DryRunOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
