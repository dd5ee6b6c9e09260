namespace Licentia.Core.Errors;

/// <summary>
/// An error the caller is meant to see. Each subclass is named exactly after an error shape of the
/// AWS model, so the protocol layer can use <see cref="ErrorCode"/> as the wire error code without a
/// mapping table that could drift from the class names.
/// </summary>
public abstract class ServiceException : Exception
{
    protected ServiceException()
    {
    }

    protected ServiceException(string message)
        : base(message)
    {
    }

    protected ServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The AWS error code: the class name.</summary>
    public string ErrorCode => GetType().Name;

    /// <summary>True when the server is at fault (HTTP 5xx); false when the request is (HTTP 4xx).</summary>
    public virtual bool IsFault => false;
}
