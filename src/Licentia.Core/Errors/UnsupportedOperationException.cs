namespace Licentia.Core.Errors;

/// <summary>KMS: the request is well-formed but asks for something this server does not do.</summary>
public sealed class UnsupportedOperationException : ServiceException
{
    public UnsupportedOperationException()
    {
    }

    public UnsupportedOperationException(string message)
        : base(message)
    {
    }

    public UnsupportedOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
