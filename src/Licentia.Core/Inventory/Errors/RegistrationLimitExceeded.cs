namespace Licentia.Core.Inventory.Errors;

/// <summary>Agent registration (Licentia's protocol, not an SSM operation): The activation has registered as many servers as its RegistrationLimit allows.</summary>
public sealed class RegistrationLimitExceeded : SsmException
{
    public RegistrationLimitExceeded()
    {
    }

    public RegistrationLimitExceeded(string message)
        : base(message)
    {
    }

    public RegistrationLimitExceeded(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
