namespace Licentia.Core.Compute.Errors;

/// <summary>The instance does not exist in this account and Region.</summary>
public sealed class InvalidInstanceIdNotFound : Ec2Exception
{
    public InvalidInstanceIdNotFound()
    {
    }

    public InvalidInstanceIdNotFound(string message)
        : base(message)
    {
    }

    public InvalidInstanceIdNotFound(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidInstanceID.NotFound";
}
