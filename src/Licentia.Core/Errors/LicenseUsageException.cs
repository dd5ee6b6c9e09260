namespace Licentia.Core.Errors;

/// <summary>The license configuration cannot be used as requested (for example, a hard limit would be exceeded).</summary>
public sealed class LicenseUsageException : ServiceException
{
    public LicenseUsageException()
    {
    }

    public LicenseUsageException(string message)
        : base(message)
    {
    }

    public LicenseUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
