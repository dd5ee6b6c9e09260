namespace Licentia.Core.Errors;

/// <summary>The resource is not in a state that allows the operation.</summary>
public sealed class InvalidResourceStateException : ServiceException
{
    public InvalidResourceStateException()
    {
    }

    public InvalidResourceStateException(string message)
        : base(message)
    {
    }

    public InvalidResourceStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
