namespace Licentia.Core.Compute.Errors;

/// <summary>
/// An EC2 error the caller is meant to see. EC2 errors are codes in an XML body, not JSON shapes, and
/// many are dotted (<c>InvalidAMIID.NotFound</c>), so every type states its wire <see cref="Code"/>; a
/// type whose code has no dot is named exactly after it. Only the EC2 protocol layer renders them.
/// </summary>
public abstract class Ec2Exception : Exception
{
    protected Ec2Exception()
    {
    }

    protected Ec2Exception(string message)
        : base(message)
    {
    }

    protected Ec2Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The EC2 error code as it goes on the wire.</summary>
    public virtual string Code => GetType().Name;

    /// <summary>The HTTP status EC2 answers with: 400 for client errors; DryRunOperation is 412.</summary>
    public virtual int HttpStatusCode => 400;
}
