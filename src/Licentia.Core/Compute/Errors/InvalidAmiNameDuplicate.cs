namespace Licentia.Core.Compute.Errors;

/// <summary>The owner already has an image of that name in the Region.</summary>
public sealed class InvalidAmiNameDuplicate : Ec2Exception
{
    public InvalidAmiNameDuplicate()
    {
    }

    public InvalidAmiNameDuplicate(string message)
        : base(message)
    {
    }

    public InvalidAmiNameDuplicate(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidAMIName.Duplicate";
}
