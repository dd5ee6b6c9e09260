namespace Licentia.Core.Errors;

/// <summary>The server failed; the request itself may have been fine. The only fault among the errors.</summary>
public sealed class ServerInternalException : ServiceException
{
    public ServerInternalException()
    {
    }

    public ServerInternalException(string message)
        : base(message)
    {
    }

    public ServerInternalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override bool IsFault => true;
}
