using System.Text;
using Licentia.Aws.LicenseManager;

namespace Licentia.Aws.Tests.Json;

public class JsonProtocolEngineTests
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public async Task Routes_by_target_to_the_handler_method_and_answers_json_1_1()
    {
        var response = await _harness.Post("CreateLicenseConfiguration", """{"Name":"win","LicenseCountingType":"vCPU","LicenseCount":4}""");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.Headers["Content-Type"]);
        Assert.Equal("""{"LicenseConfigurationArn":"arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-win"}""", Encoding.UTF8.GetString(response.Body));
        var request = Assert.IsType<CreateLicenseConfigurationRequest>(Assert.Single(_harness.Api.Received));
        Assert.Equal(("win", LicenseCountingType.VCPU, 4L), (request.Name, request.LicenseCountingType, request.LicenseCount));
    }

    [Fact]
    public async Task Every_response_has_a_fresh_request_id()
    {
        var ok = await _harness.Post("GetLicenseConfiguration", """{"LicenseConfigurationArn":"a"}""");
        var failed = await _harness.Post("Nope", "{}");

        Assert.True(Guid.TryParse(ok.Headers["x-amzn-RequestId"], out _));
        Assert.True(Guid.TryParse(failed.Headers["x-amzn-RequestId"], out _));
        Assert.NotEqual(ok.Headers["x-amzn-RequestId"], failed.Headers["x-amzn-RequestId"]);
    }

    [Fact]
    public async Task Nulls_are_omitted_and_timestamps_are_epoch_seconds()
    {
        var response = await _harness.Post("GetLicenseConfiguration", """{"LicenseConfigurationArn":"arn:x"}""");

        Assert.Equal(
            """{"LicenseConfigurationArn":"arn:x","Name":"Windows Server","LicenseCount":10,"AutomatedDiscoveryInformation":{"LastRunTime":1704164645.678}}""",
            Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public async Task Request_timestamps_are_read_from_epoch_seconds()
    {
        var response = await _harness.Post("CreateLicenseManagerReportGenerator", """
            {"ReportGeneratorName":"r","Type":["LicenseConfigurationSummaryReport"],"ClientToken":"t",
             "ReportContext":{"licenseConfigurationArns":["arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-1"],
                              "reportStartDate":1704164645.678,"reportEndDate":1704164700},
             "ReportFrequency":{"value":1,"period":"DAY"}}
            """);

        Assert.Equal(200, response.StatusCode);
        var request = Assert.IsType<CreateLicenseManagerReportGeneratorRequest>(Assert.Single(_harness.Api.Received));
        Assert.Equal(FakeLicenseManagerApi.DiscoveryTime, request.ReportContext!.reportStartDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1704164700), request.ReportContext.reportEndDate);
        Assert.Equal("DAY", request.ReportFrequency!.period);
    }

    [Theory]
    [InlineData("AWSLicenseManager.NoSuchOperation")]
    [InlineData("TrentService.CreateKey")]
    [InlineData("AWSLicenseManager")]
    [InlineData(null)]
    public async Task Unknown_targets_are_UnknownOperationException(string? target)
    {
        var response = await _harness.Send("POST", "/", target, "{}");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("UnknownOperationException", EngineHarness.ErrorOf(response).Type);
        Assert.Equal("UnknownOperationException", response.Headers["x-amzn-ErrorType"]);
    }

    [Fact]
    public async Task Only_post_is_accepted()
    {
        var response = await _harness.Send("GET", "/", "AWSLicenseManager.ListLicenses", "");

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("POST", response.Headers["Allow"]);
        Assert.Equal("UnknownOperationException", EngineHarness.ErrorOf(response).Type);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"Name\":\"x\",}")]
    public async Task Bodies_that_are_not_a_json_object_are_SerializationException(string body)
    {
        var response = await _harness.Post("CreateLicenseConfiguration", body);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("SerializationException", EngineHarness.ErrorOf(response).Type);
    }

    [Fact]
    public async Task An_empty_body_is_an_empty_object()
    {
        var response = await _harness.Post("ListLicenseConfigurations", "");

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_json_types_are_SerializationException()
    {
        var response = await _harness.Post("CreateLicenseConfiguration", """{"Name":"x","LicenseCountingType":"Core","LicenseCount":"ten"}""");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(("SerializationException", "STRING_VALUE can not be converted to a Long (at 'licenseCount')."), EngineHarness.ErrorOf(response));
        Assert.Empty(_harness.Api.Received);
    }

    [Fact]
    public async Task Validation_failures_use_the_operations_declared_error()
    {
        var response = await _harness.Post("CreateLicenseConfiguration", """{"Name":"x","LicenseCountingType":"Cores"}""");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(
            ("InvalidParameterValueException", "1 validation error detected: Value 'Cores' at 'licenseCountingType' failed to satisfy constraint: Member must satisfy enum value set: [vCPU, Instance, Core, Socket]"),
            EngineHarness.ErrorOf(response));
        Assert.Empty(_harness.Api.Received);
    }

    [Fact]
    public async Task Operations_without_a_handler_method_answer_501()
    {
        var response = await _harness.Post("DeleteGrant", """{"GrantArn":"arn","Version":"1"}""");

        Assert.Equal(501, response.StatusCode);
        var (type, message) = EngineHarness.ErrorOf(response);
        Assert.Equal("NotImplemented", type);
        Assert.Contains("AWSLicenseManager.DeleteGrant", message, StringComparison.Ordinal);
        Assert.Contains("docs/COVERAGE.md", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Translated_domain_errors_are_client_errors()
    {
        var response = await _harness.Post("CreateLicenseConfiguration", """{"Name":"limit","LicenseCountingType":"Core"}""");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(("ResourceLimitExceededException", "Too many license configurations."), EngineHarness.ErrorOf(response));
        Assert.Empty(_harness.Reported);
    }

    [Fact]
    public async Task Errors_the_model_marks_as_faults_are_500()
    {
        var response = await _harness.Post("CreateLicenseConfiguration", """{"Name":"internal","LicenseCountingType":"Core"}""");

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("ServerInternalException", EngineHarness.ErrorOf(response).Type);
    }

    [Fact]
    public async Task Wire_errors_keep_their_code_and_status()
    {
        var response = await _harness.Post("CreateLicenseConfiguration", """{"Name":"wire","LicenseCountingType":"Core"}""");

        Assert.Equal(409, response.StatusCode);
        Assert.Equal(("ConflictException", "Already exists."), EngineHarness.ErrorOf(response));
    }

    [Fact]
    public async Task Unexpected_exceptions_are_a_generic_fault_and_are_reported()
    {
        var response = await _harness.Post("CreateLicenseConfiguration", """{"Name":"boom","LicenseCountingType":"Core"}""");

        Assert.Equal(500, response.StatusCode);
        var (type, message) = EngineHarness.ErrorOf(response);
        Assert.Equal("ServerInternalException", type);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
        var reported = Assert.Single(_harness.Reported);
        Assert.Equal("AWSLicenseManager.CreateLicenseConfiguration", reported.Target);
        Assert.Equal(response.Headers["x-amzn-RequestId"], reported.RequestId);
    }

    [Fact]
    public async Task A_failing_handler_factory_is_a_fault_not_a_crash()
    {
        var binding = Aws.Json.JsonServiceBinding.Create<FakeLicenseManagerApi>(
            Aws.Model.ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName),
            LicenseManagerOperations.All,
            _ => throw new InvalidOperationException("no DI scope"));
        var engine = new Aws.Json.JsonProtocolEngine([binding]);

        var response = await engine.HandleAsync(new AwsHttpRequest(
            "POST", "/", new Dictionary<string, string> { ["x-amz-target"] = "AWSLicenseManager.GetLicenseConfiguration" },
            """{"LicenseConfigurationArn":"a"}"""u8.ToArray()));

        Assert.Equal(500, response.StatusCode);
    }

    [Fact]
    public void Implemented_operations_are_listed_for_the_coverage_document()
    {
        var service = Assert.Single(_harness.Engine.Services);

        Assert.Equal(
            ["CreateLicenseConfiguration", "CreateLicenseManagerReportGenerator", "GetLicenseConfiguration", "ListLicenseConfigurations"],
            service.ImplementedOperations);
        Assert.Contains("DeleteGrant", service.UnimplementedOperations);
        Assert.Equal(LicenseManagerOperations.All.Count, service.ImplementedOperations.Count + service.UnimplementedOperations.Count);
    }

    [Fact]
    public void CanHandle_recognises_bound_target_prefixes()
    {
        static AwsHttpRequest With(string target) =>
            new("POST", "/", new Dictionary<string, string> { ["X-Amz-Target"] = target }, ReadOnlyMemory<byte>.Empty);

        Assert.True(_harness.Engine.CanHandle(With("AWSLicenseManager.ListLicenses")));
        Assert.False(_harness.Engine.CanHandle(With("TrentService.ListKeys")));
    }
}
