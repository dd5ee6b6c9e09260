namespace Licentia.Core.Compute.Errors;

/// <summary>The instance is not in a state that allows the operation (e.g. starting a terminated instance).</summary>
public sealed class IncorrectInstanceState : Ec2Exception
{
    public IncorrectInstanceState()
    {
    }

    public IncorrectInstanceState(string message)
        : base(message)
    {
    }

    public IncorrectInstanceState(string message, Exception innerException)
        : base(message, innerException)
    {
    }

}
