namespace Licentia.Core.Errors;

/// <summary>KMS: the key's usage or key spec does not allow the operation or the algorithm asked for.</summary>
public sealed class InvalidKeyUsageException : ServiceException
{
    public InvalidKeyUsageException()
    {
    }

    public InvalidKeyUsageException(string message)
        : base(message)
    {
    }

    public InvalidKeyUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
