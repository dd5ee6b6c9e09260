using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Licentia.Aws;
using Licentia.Aws.Json;
using Licentia.Aws.LicenseManager;
using Licentia.Aws.Model;
using Licentia.Aws.Validation;

namespace Licentia.Bench;

/// <summary>
/// The JSON 1.1 engine on a ListLicenseConfigurations request answered by a trivial in-memory
/// handler (a page of 20 configurations): target resolution, model-driven validation,
/// deserialization, dispatch and serialization. Baseline: a bare System.Text.Json round trip of
/// the same request and response with the same options, the least any JSON protocol layer does.
/// </summary>
[MemoryDiagnoser]
public class JsonEngineBenchmarks
{
    public const int PageSize = 20;

    private static readonly byte[] Body = "{\"MaxResults\":20,\"Filters\":[{\"Name\":\"licenseCountingType\",\"Values\":[\"vCPU\"]}]}"u8.ToArray();

    private JsonProtocolEngine _engine = null!;
    private AwsHttpRequest _request = null!;
    private ShapeModel _inputShape = null!;
    private ListLicenseConfigurationsResponse _page = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName);
        _inputShape = model.Operations["ListLicenseConfigurations"].Input!;
        var handler = new InMemoryLicenseManager(PageSize);
        _page = handler.Page;
        _engine = new JsonProtocolEngine([JsonServiceBinding.Create(model, LicenseManagerOperations.All, _ => handler)]);
        _request = new AwsHttpRequest(
            "POST",
            "/",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Host"] = "127.0.0.1:4650",
                ["Content-Type"] = "application/x-amz-json-1.1",
                ["X-Amz-Target"] = "AWSLicenseManager.ListLicenseConfigurations",
            },
            Body);

        var response = _engine.HandleAsync(_request).GetAwaiter().GetResult();
        if (response.StatusCode != 200)
        {
            throw new InvalidOperationException($"The engine answered {response.StatusCode}: {System.Text.Encoding.UTF8.GetString(response.Body)}");
        }
    }

    [Benchmark(Baseline = true, Description = "bare JsonSerializer round trip")]
    public byte[] BareJsonRoundTrip()
    {
        var request = JsonSerializer.Deserialize<ListLicenseConfigurationsRequest>(Body, AwsJson.SerializerOptions);
        GC.KeepAlive(request);
        return JsonSerializer.SerializeToUtf8Bytes(_page, AwsJson.SerializerOptions);
    }

    [Benchmark(Description = "model-driven validation only")]
    public bool ValidateOnly()
    {
        using var document = JsonDocument.Parse(Body);
        return RequestValidator.Validate(_inputShape, document.RootElement).IsValid;
    }

    [Benchmark(Description = "engine: validate + dispatch + serialize")]
    public Task<AwsHttpResponse> Engine() => _engine.HandleAsync(_request);
}

/// <summary>A License Manager handler that answers ListLicenseConfigurations from memory, and nothing else.</summary>
public sealed class InMemoryLicenseManager
{
    public InMemoryLicenseManager(int count)
    {
        Page = new ListLicenseConfigurationsResponse
        {
            LicenseConfigurations = [.. Enumerable.Range(0, count).Select(Configuration)],
        };
    }

    public ListLicenseConfigurationsResponse Page { get; }

    public Task<ListLicenseConfigurationsResponse> ListLicenseConfigurations(ListLicenseConfigurationsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Page);

    private static LicenseConfiguration Configuration(int i)
    {
        var id = $"lic-{i:x32}";
        return new LicenseConfiguration
        {
            LicenseConfigurationId = id,
            LicenseConfigurationArn = "arn:aws:license-manager:us-east-1:123456789012:license-configuration:" + id,
            Name = $"bench-{i}",
            Description = "A license configuration of the benchmark",
            LicenseCountingType = "vCPU",
            LicenseRules = ["#minimumVcpus=2", "#maximumVcpus=64"],
            LicenseCount = 100,
            LicenseCountHardLimit = true,
            DisassociateWhenNotFound = false,
            ConsumedLicenses = 0,
            Status = "AVAILABLE",
            OwnerAccountId = "123456789012",
            ConsumedLicenseSummaryList = [],
            ManagedResourceSummaryList = [],
            ProductInformationList = [],
        };
    }
}
