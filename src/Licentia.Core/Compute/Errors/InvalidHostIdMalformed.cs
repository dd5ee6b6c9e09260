namespace Licentia.Core.Compute.Errors;

/// <summary>The host id is not of the form h-&lt;hex&gt;.</summary>
public sealed class InvalidHostIdMalformed : Ec2Exception
{
    public InvalidHostIdMalformed()
    {
    }

    public InvalidHostIdMalformed(string message)
        : base(message)
    {
    }

    public InvalidHostIdMalformed(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidHostID.Malformed";
}
