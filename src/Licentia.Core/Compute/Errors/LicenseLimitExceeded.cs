namespace Licentia.Core.Compute.Errors;

/// <summary>A license configuration with a hard limit has too few licenses left for the operation. Licentia's code: AWS does not document the EC2 code of a launch blocked by License Manager.</summary>
public sealed class LicenseLimitExceeded : Ec2Exception
{
    public LicenseLimitExceeded()
    {
    }

    public LicenseLimitExceeded(string message)
        : base(message)
    {
    }

    public LicenseLimitExceeded(string message, Exception innerException)
        : base(message, innerException)
    {
    }

}
