namespace Licentia.Core.Errors;

/// <summary>The digital signature method is not supported.</summary>
public sealed class UnsupportedDigitalSignatureMethodException : ServiceException
{
    public UnsupportedDigitalSignatureMethodException()
    {
    }

    public UnsupportedDigitalSignatureMethodException(string message)
        : base(message)
    {
    }

    public UnsupportedDigitalSignatureMethodException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
