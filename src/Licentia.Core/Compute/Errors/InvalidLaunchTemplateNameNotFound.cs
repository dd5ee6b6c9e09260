namespace Licentia.Core.Compute.Errors;

/// <summary>The launch template name names no template of this account and Region.</summary>
public sealed class InvalidLaunchTemplateNameNotFound : Ec2Exception
{
    public InvalidLaunchTemplateNameNotFound()
    {
    }

    public InvalidLaunchTemplateNameNotFound(string message)
        : base(message)
    {
    }

    public InvalidLaunchTemplateNameNotFound(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidLaunchTemplateName.NotFoundException";
}
