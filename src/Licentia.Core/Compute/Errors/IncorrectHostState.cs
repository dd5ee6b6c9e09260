namespace Licentia.Core.Compute.Errors;

/// <summary>The Dedicated Host is not in a state that allows the operation (e.g. launching on a released host).</summary>
public sealed class IncorrectHostState : Ec2Exception
{
    public IncorrectHostState()
    {
    }

    public IncorrectHostState(string message)
        : base(message)
    {
    }

    public IncorrectHostState(string message, Exception innerException)
        : base(message, innerException)
    {
    }

}
