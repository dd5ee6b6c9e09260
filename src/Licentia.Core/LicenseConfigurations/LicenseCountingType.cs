namespace Licentia.Core.LicenseConfigurations;

/// <summary>What a license configuration counts. Wire names: vCPU, Instance, Core, Socket.</summary>
public enum LicenseCountingType
{
    VCpu,
    Instance,
    Core,
    Socket,
}
