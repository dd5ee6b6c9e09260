using Licentia.Aws.LicenseManager;

namespace Licentia.LoadTest;

/// <summary>One kind of request the harness repeats; <see cref="NewRequest"/> gets a run-wide sequence number.</summary>
internal sealed record Scenario(string Name, string Description, Func<long, HttpRequestMessage> NewRequest)
{
    /// <summary>Configurations created before the measurements, for list and get to read.</summary>
    public const int SeededConfigurations = 20;

    public static Scenario Create(string name, LicenseManagerClient client, IReadOnlyList<string> seededArns, string? launchImage, string runId) => name switch
    {
        "baseline" => new(name, "GET /health, unsigned: Kestrel, routing and the HTTP client, nothing of Licentia's", _ => client.Health()),
        "list" => new(name, $"ListLicenseConfigurations, signed, MaxResults {SeededConfigurations}: a page of {SeededConfigurations}",
            _ => client.Request("ListLicenseConfigurations", new ListLicenseConfigurationsRequest { MaxResults = SeededConfigurations })),
        "get" => new(name, "GetLicenseConfiguration, signed, of the seeded configurations in turn",
            sequence => client.Request("GetLicenseConfiguration", new GetLicenseConfigurationRequest
            {
                LicenseConfigurationArn = seededArns[(int)(sequence % seededArns.Count)],
            })),
        "create" => new(name, "CreateLicenseConfiguration, signed, vCPU with two rules: one durable insert each",
            sequence => client.Request("CreateLicenseConfiguration", NewConfiguration($"load-{runId}-{sequence}"))),
        "launch" => new(name, "RunInstances, signed EC2 query request, t3.micro from an image carrying two hard-limited vCPU configurations: "
            + "the licensing transaction (both configurations locked, checked and consumed) and one durable commit each",
            _ => client.Ec2("RunInstances", ("ImageId", launchImage!), ("InstanceType", "t3.micro"), ("MinCount", "1"), ("MaxCount", "1"))),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario."),
    };

    public static CreateLicenseConfigurationRequest NewConfiguration(string name) => new()
    {
        Name = name,
        Description = "Created by the Licentia load test",
        LicenseCountingType = "vCPU",
        LicenseCount = 100,
        LicenseCountHardLimit = false,
        LicenseRules = ["#minimumVcpus=2", "#maximumVcpus=64"],
    };
}
