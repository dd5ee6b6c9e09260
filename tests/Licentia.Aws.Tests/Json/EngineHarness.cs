using System.Text;
using System.Text.Json;
using Licentia.Aws.Json;
using Licentia.Aws.LicenseManager;
using Licentia.Aws.Model;

namespace Licentia.Aws.Tests.Json;

/// <summary>The engine wired as the server wires it, around the fake handler, with helpers to post raw bytes.</summary>
public sealed class EngineHarness
{
    public EngineHarness(Licentia.Aws.Idempotency.IIdempotencyGuard? idempotency = null)
    {
        var binding = JsonServiceBinding.Create(
            ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName),
            LicenseManagerOperations.All,
            _ => Api);
        Engine = new JsonProtocolEngine([binding], new JsonProtocolOptions
        {
            ErrorTranslator = e => e is FakeServiceException domain ? AwsError.Client(domain.GetType().Name, domain.Message) : null,
            OnUnhandledException = (e, target, requestId) => Reported.Add((e, target, requestId)),
            Idempotency = idempotency,
        });
    }

    public FakeLicenseManagerApi Api { get; } = new();

    public JsonProtocolEngine Engine { get; }

    public List<(Exception Exception, string Target, string RequestId)> Reported { get; } = [];

    public Task<AwsHttpResponse> Send(string method, string path, string? target, string body)
    {
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1" };
        if (target is not null)
        {
            headers["X-Amz-Target"] = target;
        }

        return Engine.HandleAsync(new AwsHttpRequest(method, path, headers, Encoding.UTF8.GetBytes(body)));
    }

    public Task<AwsHttpResponse> Post(string operation, string body) =>
        Send("POST", "/", $"{LicenseManagerOperations.TargetPrefix}.{operation}", body);

    public static JsonElement Json(AwsHttpResponse response) => JsonDocument.Parse(response.Body).RootElement;

    public static (string Type, string Message) ErrorOf(AwsHttpResponse response)
    {
        var body = Json(response);
        return (body.GetProperty("__type").GetString()!, body.GetProperty("message").GetString()!);
    }
}
