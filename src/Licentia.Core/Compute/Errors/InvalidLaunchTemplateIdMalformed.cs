namespace Licentia.Core.Compute.Errors;

/// <summary>The launch template id is not of the form lt-&lt;hex&gt;.</summary>
public sealed class InvalidLaunchTemplateIdMalformed : Ec2Exception
{
    public InvalidLaunchTemplateIdMalformed()
    {
    }

    public InvalidLaunchTemplateIdMalformed(string message)
        : base(message)
    {
    }

    public InvalidLaunchTemplateIdMalformed(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidLaunchTemplateId.Malformed";
}
