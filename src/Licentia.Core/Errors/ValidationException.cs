namespace Licentia.Core.Errors;

/// <summary>The request does not satisfy the constraints of the operation.</summary>
public sealed class ValidationException : ServiceException
{
    public ValidationException()
    {
    }

    public ValidationException(string message)
        : base(message)
    {
    }

    public ValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
