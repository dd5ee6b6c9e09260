namespace Licentia.Core.Errors;

/// <summary>KMS: Verify found that the signature does not match the message, key and algorithm.</summary>
public sealed class KMSInvalidSignatureException : ServiceException
{
    public KMSInvalidSignatureException()
    {
    }

    public KMSInvalidSignatureException(string message)
        : base(message)
    {
    }

    public KMSInvalidSignatureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
