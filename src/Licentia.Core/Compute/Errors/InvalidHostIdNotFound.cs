namespace Licentia.Core.Compute.Errors;

/// <summary>The Dedicated Host does not exist in this account and Region.</summary>
public sealed class InvalidHostIdNotFound : Ec2Exception
{
    public InvalidHostIdNotFound()
    {
    }

    public InvalidHostIdNotFound(string message)
        : base(message)
    {
    }

    public InvalidHostIdNotFound(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidHostID.NotFound";
}
