namespace Licentia.Core.Compute.Errors;

/// <summary>The instance id is not of the form i-&lt;hex&gt;.</summary>
public sealed class InvalidInstanceIdMalformed : Ec2Exception
{
    public InvalidInstanceIdMalformed()
    {
    }

    public InvalidInstanceIdMalformed(string message)
        : base(message)
    {
    }

    public InvalidInstanceIdMalformed(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidInstanceID.Malformed";
}
