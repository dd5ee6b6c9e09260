using Licentia.Core.Errors;

namespace Licentia.Core.Licensing;

/// <summary>Kinds of resources that take part in licensing. Wire names: EC2_INSTANCE, EC2_HOST, EC2_AMI, RDS, SYSTEMS_MANAGER_MANAGED_INSTANCE.</summary>
public enum LicenseResourceType
{
    Ec2Instance,
    Ec2Host,
    Ec2Ami,
    Rds,
    SystemsManagerManagedInstance,
}

public static class LicenseResourceTypeNames
{
    public const string Ec2Instance = "EC2_INSTANCE";
    public const string Ec2Host = "EC2_HOST";
    public const string Ec2Ami = "EC2_AMI";
    public const string Rds = "RDS";
    public const string SystemsManagerManagedInstance = "SYSTEMS_MANAGER_MANAGED_INSTANCE";

    public static IReadOnlyList<string> All { get; } = [Ec2Instance, Ec2Host, Ec2Ami, Rds, SystemsManagerManagedInstance];

    public static string ToWire(LicenseResourceType type) => type switch
    {
        LicenseResourceType.Ec2Instance => Ec2Instance,
        LicenseResourceType.Ec2Host => Ec2Host,
        LicenseResourceType.Ec2Ami => Ec2Ami,
        LicenseResourceType.Rds => Rds,
        LicenseResourceType.SystemsManagerManagedInstance => SystemsManagerManagedInstance,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown resource type."),
    };

    public static LicenseResourceType Parse(string? text, string parameterName = "ResourceType")
    {
        foreach (var type in Enum.GetValues<LicenseResourceType>())
        {
            if (ToWire(type) == text)
            {
                return type;
            }
        }

        throw new InvalidParameterValueException($"{parameterName} '{text}' is not valid. Allowed values: {string.Join(", ", All)}.");
    }
}
