namespace Licentia.Core.Compute.Errors;

/// <summary>Parameters that cannot be used together were given together (e.g. host affinity without host tenancy).</summary>
public sealed class InvalidParameterCombination : Ec2Exception
{
    public InvalidParameterCombination()
    {
    }

    public InvalidParameterCombination(string message)
        : base(message)
    {
    }

    public InvalidParameterCombination(string message, Exception innerException)
        : base(message, innerException)
    {
    }

}
