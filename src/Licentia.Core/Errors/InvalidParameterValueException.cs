namespace Licentia.Core.Errors;

/// <summary>A parameter has a value that is not allowed, or names a resource this scope does not hold.</summary>
public sealed class InvalidParameterValueException : ServiceException
{
    public InvalidParameterValueException()
    {
    }

    public InvalidParameterValueException(string message)
        : base(message)
    {
    }

    public InvalidParameterValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
