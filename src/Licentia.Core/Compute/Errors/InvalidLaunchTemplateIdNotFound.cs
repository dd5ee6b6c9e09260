namespace Licentia.Core.Compute.Errors;

/// <summary>The launch template id names no template of this account and Region.</summary>
public sealed class InvalidLaunchTemplateIdNotFound : Ec2Exception
{
    public InvalidLaunchTemplateIdNotFound()
    {
    }

    public InvalidLaunchTemplateIdNotFound(string message)
        : base(message)
    {
    }

    public InvalidLaunchTemplateIdNotFound(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidLaunchTemplateId.NotFound";
}
