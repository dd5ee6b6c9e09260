namespace Licentia.Core.Errors;

/// <summary>KMS: the key (or alias) named in the request does not exist in this account and Region.</summary>
public sealed class NotFoundException : ServiceException
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
