namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidInstanceInformationFilterValue: A filter value is not valid.</summary>
public sealed class InvalidInstanceInformationFilterValue : SsmException
{
    public InvalidInstanceInformationFilterValue()
    {
    }

    public InvalidInstanceInformationFilterValue(string message)
        : base(message)
    {
    }

    public InvalidInstanceInformationFilterValue(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
