using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Identifiers;

namespace Licentia.Core.Compute;

/// <summary>What an EC2 ARN given to License Manager names.</summary>
public enum Ec2ResourceKind
{
    Image,
    Instance,
    Host,
}

/// <summary>A parsed EC2 ARN of an image, an instance or a Dedicated Host.</summary>
public sealed record Ec2ResourceArn(Ec2ResourceKind Kind, string Region, string AccountId, string ResourceId)
{
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Ec2ResourceArn? arn)
    {
        arn = null;
        if (!Arn.TryParse(text, out var generic) || generic.Service != "ec2" || generic.Region.Length == 0)
        {
            return false;
        }

        var slash = generic.Resource.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        var (type, id) = (generic.Resource[..slash], generic.Resource[(slash + 1)..]);
        (Ec2ResourceKind Kind, string Prefix, bool NeedsAccount)? shape = type switch
        {
            "image" => (Ec2ResourceKind.Image, Ec2Ids.ImagePrefix, false),
            "instance" => (Ec2ResourceKind.Instance, Ec2Ids.InstancePrefix, true),
            "dedicated-host" => (Ec2ResourceKind.Host, Ec2Ids.HostPrefix, true),
            _ => null,
        };
        if (shape is not { } s || !Ec2Ids.IsId(s.Prefix, id) || (s.NeedsAccount && generic.AccountId.Length == 0))
        {
            return false;
        }

        arn = new Ec2ResourceArn(s.Kind, generic.Region, generic.AccountId, id);
        return true;
    }
}
