namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidAggregatorException: The aggregator is not valid.</summary>
public sealed class InvalidAggregatorException : SsmException
{
    public InvalidAggregatorException()
    {
    }

    public InvalidAggregatorException(string message)
        : base(message)
    {
    }

    public InvalidAggregatorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
