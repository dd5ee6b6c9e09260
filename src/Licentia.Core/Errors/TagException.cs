namespace Licentia.Core.Errors;

/// <summary>KMS: a tag is not valid (reserved prefix, repeated key, bad length).</summary>
public sealed class TagException : ServiceException
{
    public TagException()
    {
    }

    public TagException(string message)
        : base(message)
    {
    }

    public TagException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
