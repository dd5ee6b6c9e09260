using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Compute;
using Licentia.Core.Inventory;

namespace Licentia.Core.Licensing;

/// <summary>What a ResourceArn given to UpdateLicenseSpecificationsForResource names.</summary>
public enum LicensedResourceKind
{
    Image,
    Instance,
    Host,
    /// <summary>A server registered through an activation: arn:aws:ssm:&lt;region&gt;:&lt;account&gt;:managed-instance/mi-….</summary>
    ManagedServer,
}

/// <summary>A parsed ARN of a resource licenses can be associated with: an AMI, an instance, a Dedicated Host or a managed server.</summary>
public sealed record LicensedResourceArn(LicensedResourceKind Kind, string Region, string AccountId, string ResourceId)
{
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out LicensedResourceArn? arn)
    {
        arn = null;
        if (Ec2ResourceArn.TryParse(text, out var ec2))
        {
            var kind = ec2.Kind switch
            {
                Ec2ResourceKind.Image => LicensedResourceKind.Image,
                Ec2ResourceKind.Instance => LicensedResourceKind.Instance,
                _ => LicensedResourceKind.Host,
            };
            arn = new LicensedResourceArn(kind, ec2.Region, ec2.AccountId, ec2.ResourceId);
            return true;
        }

        const string ManagedInstance = "managed-instance/";
        if (Identifiers.Arn.TryParse(text, out var generic) && generic.Service == "ssm" && generic.Region.Length > 0
            && generic.AccountId.Length > 0 && generic.Resource.StartsWith(ManagedInstance, StringComparison.Ordinal)
            && ManagedInstanceIds.IsInstanceId(generic.Resource[ManagedInstance.Length..]))
        {
            arn = new LicensedResourceArn(LicensedResourceKind.ManagedServer, generic.Region, generic.AccountId, generic.Resource[ManagedInstance.Length..]);
            return true;
        }

        return false;
    }

    public LicenseResourceType ResourceType => Kind switch
    {
        LicensedResourceKind.Image => LicenseResourceType.Ec2Ami,
        LicensedResourceKind.Instance => LicenseResourceType.Ec2Instance,
        LicensedResourceKind.Host => LicenseResourceType.Ec2Host,
        _ => LicenseResourceType.SystemsManagerManagedInstance,
    };

    /// <summary>The ARN as Licentia writes it (an AMI's without an account).</summary>
    public string Canonical(Scope scope) => Kind switch
    {
        LicensedResourceKind.Image => Ec2Ids.ImageArn(scope.Region, ResourceId),
        LicensedResourceKind.Instance => Ec2Ids.InstanceArn(scope, ResourceId),
        LicensedResourceKind.Host => Ec2Ids.HostArn(scope, ResourceId),
        _ => ManagedInstanceIds.Arn(scope, ResourceId),
    };
}
