using Licentia.Aws.LicenseManager;

namespace Licentia.LoadTest;

/// <summary>One kind of request the harness repeats; <see cref="NewRequest"/> gets a run-wide sequence number.</summary>
internal sealed record Scenario(string Name, string Description, Func<long, HttpRequestMessage> NewRequest)
{
    /// <summary>Configurations created before the measurements, for list and get to read.</summary>
    public const int SeededConfigurations = 20;

    /// <summary>Set-up between the warm-up and the measurement, outside the timed loop (a fresh license for the check-outs).</summary>
    public Func<CancellationToken, Task>? BeforeMeasurement { get; init; }

    public static Scenario Create(
        string name, LicenseManagerClient client, IReadOnlyList<string> seededArns, string? launchImage,
        IReadOnlyDictionary<string, TokenIssuer> issuers, string runId) => name switch
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
        "sign-rsa" or "sign-p256" => Sign(name, issuers[TokenKeyKind.Of(name)!.Name]),
        "checkout-rsa" or "checkout-p256" => Checkout(name, issuers[TokenKeyKind.Of(name)!.Name]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario."),
    };

    private static Scenario Sign(string name, TokenIssuer issuer) => new(name,
        $"KMS Sign, signed, {issuer.Kind.KmsAlgorithm} RAW with the {issuer.Kind.Label} key over {issuer.SigningInput.Length} bytes "
        + $"(a real check-out token's header.payload): the baseline of checkout-{issuer.Kind.Name}",
        _ => issuer.Sign());

    private static Scenario Checkout(string name, TokenIssuer issuer) => new(name,
        $"CheckoutLicense, signed, PROVISIONAL, a fresh ClientToken each, of the unlimited entitlement of a license issued with the "
        + $"{issuer.Kind.Label} key: each answer carries a {issuer.Kind.JwsAlgorithm} token; a new license for each measurement",
        _ => issuer.Checkout())
    {
        BeforeMeasurement = issuer.NewLicenseAsync,
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
