namespace Licentia.Core.Compute.Errors;

/// <summary>No Dedicated Host has room for the instance (or the named host lacks the capacity).</summary>
public sealed class InsufficientHostCapacity : Ec2Exception
{
    public InsufficientHostCapacity()
    {
    }

    public InsufficientHostCapacity(string message)
        : base(message)
    {
    }

    public InsufficientHostCapacity(string message, Exception innerException)
        : base(message, innerException)
    {
    }

}
