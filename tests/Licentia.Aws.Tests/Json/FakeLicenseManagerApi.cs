using Licentia.Aws.LicenseManager;
using Licentia.Aws.Model;
using Licentia.Aws.Pagination;

namespace Licentia.Aws.Tests.Json;

/// <summary>A handler class as the server writes one: a method per operation, named after it. Most operations are left out.</summary>
public sealed class FakeLicenseManagerApi
{
    public static readonly DateTimeOffset DiscoveryTime = new(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    private static readonly OperationModel ListOperation =
        ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName).Operations["ListLicenseConfigurations"];

    private readonly PageTokens _tokens = new(new byte[32]);

    public List<object> Received { get; } = [];

    public Task<CreateLicenseConfigurationResponse> CreateLicenseConfiguration(CreateLicenseConfigurationRequest request, CancellationToken cancellationToken)
    {
        Received.Add(request);
        return request.Name switch
        {
            "boom" => throw new InvalidOperationException("secret connection string"),
            "limit" => throw new ResourceLimitExceededException("Too many license configurations."),
            "internal" => throw new ServerInternalException("The disk is on fire."),
            "wire" => throw new AwsErrorException("ConflictException", "Already exists.", 409),
            _ => Task.FromResult(new CreateLicenseConfigurationResponse { LicenseConfigurationArn = "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-" + request.Name }),
        };
    }

    public Task<GetLicenseConfigurationResponse> GetLicenseConfiguration(GetLicenseConfigurationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GetLicenseConfigurationResponse
        {
            LicenseConfigurationArn = request.LicenseConfigurationArn,
            Name = "Windows Server",
            LicenseCount = 10,
            AutomatedDiscoveryInformation = new AutomatedDiscoveryInformation { LastRunTime = DiscoveryTime },
        });

    public Task<CreateLicenseManagerReportGeneratorResponse> CreateLicenseManagerReportGenerator(
        CreateLicenseManagerReportGeneratorRequest request, CancellationToken cancellationToken)
    {
        Received.Add(request);
        return Task.FromResult(new CreateLicenseManagerReportGeneratorResponse { LicenseManagerReportGeneratorArn = "arn:report" });
    }

    // Pages over five fixed configurations; the cursor is the index of the next one.
    public Task<ListLicenseConfigurationsResponse> ListLicenseConfigurations(ListLicenseConfigurationsRequest request, CancellationToken cancellationToken)
    {
        var filters = PageTokens.FilterFingerprint(request);
        var start = request.NextToken is null ? 0 : int.Parse(_tokens.Read(ListOperation, filters, request.NextToken), System.Globalization.CultureInfo.InvariantCulture);
        var size = request.MaxResults ?? 2;
        var page = Enumerable.Range(start, Math.Max(0, Math.Min(size, 5 - start)))
            .Select(i => new LicenseConfiguration { Name = "config-" + i })
            .ToList();
        var next = start + page.Count;
        return Task.FromResult(new ListLicenseConfigurationsResponse
        {
            LicenseConfigurations = page,
            NextToken = next < 5 ? _tokens.Issue(ListOperation, filters, next.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
        });
    }

    // A public method that is not an operation is simply not bound.
    public static string Describe() => "fake";
}
