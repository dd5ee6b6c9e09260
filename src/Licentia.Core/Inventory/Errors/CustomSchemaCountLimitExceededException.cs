namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM CustomSchemaCountLimitExceededException: Too many custom inventory types.</summary>
public sealed class CustomSchemaCountLimitExceededException : SsmException
{
    public CustomSchemaCountLimitExceededException()
    {
    }

    public CustomSchemaCountLimitExceededException(string message)
        : base(message)
    {
    }

    public CustomSchemaCountLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
