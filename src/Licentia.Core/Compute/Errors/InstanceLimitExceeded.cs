namespace Licentia.Core.Compute.Errors;

/// <summary>More instances were asked for in one request than allowed.</summary>
public sealed class InstanceLimitExceeded : Ec2Exception
{
    public InstanceLimitExceeded()
    {
    }

    public InstanceLimitExceeded(string message)
        : base(message)
    {
    }

    public InstanceLimitExceeded(string message, Exception innerException)
        : base(message, innerException)
    {
    }

}
