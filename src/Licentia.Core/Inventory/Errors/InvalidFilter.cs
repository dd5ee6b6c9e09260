namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidFilter: A filter is not valid.</summary>
public sealed class InvalidFilter : SsmException
{
    public InvalidFilter()
    {
    }

    public InvalidFilter(string message)
        : base(message)
    {
    }

    public InvalidFilter(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
