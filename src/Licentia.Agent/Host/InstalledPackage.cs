namespace Licentia.Agent.Host;

/// <summary>An installed package as AWS:Application describes it.</summary>
internal sealed record InstalledPackage(
    string Name, string Version, string Publisher, string Architecture, string Summary = "", string Url = "", string Section = "",
    string Epoch = "", string Release = "", string InstalledTime = "");
