namespace Licentia.Core.Compute.Errors;

/// <summary>The caller may not act on the resource (e.g. deregister an image another account owns).</summary>
public sealed class UnauthorizedOperation : Ec2Exception
{
    public UnauthorizedOperation()
    {
    }

    public UnauthorizedOperation(string message)
        : base(message)
    {
    }

    public UnauthorizedOperation(string message, Exception innerException)
        : base(message, innerException)
    {
    }

}
