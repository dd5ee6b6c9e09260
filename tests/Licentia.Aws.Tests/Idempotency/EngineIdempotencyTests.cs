using System.Collections.Concurrent;
using Licentia.Aws.Idempotency;
using Licentia.Aws.Tests.Json;

namespace Licentia.Aws.Tests.Idempotency;

/// <summary>ClientToken handling in the JSON engine: same token and request replay; another request is refused.</summary>
public sealed class EngineIdempotencyTests
{
    private const string Operation = "CreateLicenseManagerReportGenerator";

    private readonly InMemoryGuard _guard = new();
    private readonly EngineHarness _harness;

    public EngineIdempotencyTests() => _harness = new EngineHarness(_guard);

    private static string Body(string token, string name = "r") => $$$"""
        {"ReportGeneratorName":"{{{name}}}","Type":["LicenseConfigurationSummaryReport"],"ClientToken":"{{{token}}}",
         "ReportContext":{"licenseConfigurationArns":["arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-1"]},
         "ReportFrequency":{"value":1,"period":"DAY"}}
        """;

    [Fact]
    public async Task A_retry_with_the_same_token_and_request_is_answered_without_acting_again()
    {
        var first = await _harness.Post(Operation, Body("t1"));
        var retry = await _harness.Post(Operation, Body("t1").Replace("\n", " ", StringComparison.Ordinal));

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(200, retry.StatusCode);
        Assert.Equal(first.Body, retry.Body);
        Assert.Single(_harness.Api.Received);
    }

    [Fact]
    public async Task The_same_token_with_another_request_is_refused_and_changes_nothing()
    {
        await _harness.Post(Operation, Body("t2"));
        var other = await _harness.Post(Operation, Body("t2", name: "another"));

        Assert.Equal(400, other.StatusCode);
        var (type, message) = EngineHarness.ErrorOf(other);
        Assert.Equal("InvalidParameterValueException", type); // the operation's declared error for bad input
        Assert.Contains("ClientToken 't2'", message, StringComparison.Ordinal);
        Assert.Single(_harness.Api.Received);
    }

    [Fact]
    public async Task Different_tokens_act_separately_and_operations_without_tokens_are_untouched()
    {
        await _harness.Post(Operation, Body("a"));
        await _harness.Post(Operation, Body("b"));
        await _harness.Post("CreateLicenseConfiguration", """{"Name":"x","LicenseCountingType":"vCPU"}""");
        await _harness.Post("CreateLicenseConfiguration", """{"Name":"x","LicenseCountingType":"vCPU"}""");

        Assert.Equal(4, _harness.Api.Received.Count);
        Assert.Equal(2, _guard.Count);
    }

    [Fact]
    public async Task A_refused_request_is_not_remembered()
    {
        var invalid = await _harness.Post(Operation, Body("t3").Replace("\"DAY\"", "\"FORTNIGHT\"", StringComparison.Ordinal));
        Assert.Equal(400, invalid.StatusCode);
        Assert.Equal(0, _guard.Count);
    }

    private sealed class InMemoryGuard : IIdempotencyGuard
    {
        private readonly ConcurrentDictionary<(string, string), RememberedResponse> _records = new();

        public int Count => _records.Count;

        public ValueTask<RememberedResponse?> FindAsync(AwsHttpRequest request, string operation, string clientToken, CancellationToken ct) =>
            ValueTask.FromResult(_records.GetValueOrDefault((operation, clientToken)));

        public ValueTask<RememberedResponse?> RememberAsync(AwsHttpRequest request, string operation, string clientToken, RememberedResponse response, CancellationToken ct)
        {
            var stored = _records.GetOrAdd((operation, clientToken), response);
            return ValueTask.FromResult(ReferenceEquals(stored, response) ? null : stored);
        }
    }
}
