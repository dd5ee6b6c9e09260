namespace Licentia.Core.Compute.Errors;

/// <summary>The image does not exist, is deregistered, or is not visible to the caller.</summary>
public sealed class InvalidAmiIdNotFound : Ec2Exception
{
    public InvalidAmiIdNotFound()
    {
    }

    public InvalidAmiIdNotFound(string message)
        : base(message)
    {
    }

    public InvalidAmiIdNotFound(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidAMIID.NotFound";
}
