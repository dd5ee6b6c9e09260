namespace Licentia.Core.Compute.Errors;

/// <summary>The launch template has no such version.</summary>
public sealed class InvalidLaunchTemplateVersion : Ec2Exception
{
    public InvalidLaunchTemplateVersion()
    {
    }

    public InvalidLaunchTemplateVersion(string message)
        : base(message)
    {
    }

    public InvalidLaunchTemplateVersion(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidLaunchTemplateId.VersionNotFound";
}
