namespace Licentia.Core.Inventory.Errors;

/// <summary>Agent registration (Licentia's protocol, not an SSM operation): The activation has expired; create a new one to register more servers.</summary>
public sealed class ActivationExpired : SsmException
{
    public ActivationExpired()
    {
    }

    public ActivationExpired(string message)
        : base(message)
    {
    }

    public ActivationExpired(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
