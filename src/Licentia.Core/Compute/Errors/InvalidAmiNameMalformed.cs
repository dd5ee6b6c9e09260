namespace Licentia.Core.Compute.Errors;

/// <summary>The image name breaks EC2's naming rules.</summary>
public sealed class InvalidAmiNameMalformed : Ec2Exception
{
    public InvalidAmiNameMalformed()
    {
    }

    public InvalidAmiNameMalformed(string message)
        : base(message)
    {
    }

    public InvalidAmiNameMalformed(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidAMIName.Malformed";
}
