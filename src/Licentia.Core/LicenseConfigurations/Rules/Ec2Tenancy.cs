namespace Licentia.Core.LicenseConfigurations.Rules;

/// <summary>EC2 tenancies an <c>allowedTenancy</c> rule can name. Wire names: see <see cref="Ec2TenancyNames"/>.</summary>
public enum Ec2Tenancy
{
    /// <summary>Shared tenancy.</summary>
    Default,
    DedicatedInstance,
    DedicatedHost,
}
