namespace Licentia.Core.Compute.Errors;

/// <summary>The request would have succeeded, but DryRun was set: nothing was changed.</summary>
public sealed class DryRunOperation : Ec2Exception
{
    public DryRunOperation()
    {
    }

    public DryRunOperation(string message)
        : base(message)
    {
    }

    public DryRunOperation(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override int HttpStatusCode => 412;
}
