namespace Licentia.Core.Compute.Errors;

/// <summary>The image id is not of the form ami-&lt;hex&gt;.</summary>
public sealed class InvalidAmiIdMalformed : Ec2Exception
{
    public InvalidAmiIdMalformed()
    {
    }

    public InvalidAmiIdMalformed(string message)
        : base(message)
    {
    }

    public InvalidAmiIdMalformed(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidAMIID.Malformed";
}
