namespace Licentia.Core.Compute.Errors;

/// <summary>A launch template of that name exists already in this account and Region.</summary>
public sealed class InvalidLaunchTemplateNameAlreadyExists : Ec2Exception
{
    public InvalidLaunchTemplateNameAlreadyExists()
    {
    }

    public InvalidLaunchTemplateNameAlreadyExists(string message)
        : base(message)
    {
    }

    public InvalidLaunchTemplateNameAlreadyExists(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "InvalidLaunchTemplateName.AlreadyExistsException";
}
