using System.Text.Json;
using Licentia.Aws.Idempotency;
using Licentia.Aws.Dispatch;
using Licentia.Aws.Model;
using Licentia.Aws.Validation;

namespace Licentia.Aws.Json;

/// <summary>
/// The AWS JSON 1.0/1.1 protocol for every JSON service: <c>POST /</c> with <c>X-Amz-Target: Prefix.Operation</c>.
/// Resolves the operation, validates the raw JSON against the model, deserializes the generated DTO, calls the
/// handler, and writes the output or the error (<c>{"__type":..,"message":..}</c>). It never throws: every
/// outcome, including a bug in a handler, is an <see cref="AwsHttpResponse"/>.
/// </summary>
public sealed class JsonProtocolEngine
{
    public const string TargetHeader = "X-Amz-Target";
    public const string RequestIdHeader = "x-amzn-RequestId";
    public const string ErrorTypeHeader = "x-amzn-ErrorType";

    private const string GenericFaultMessage = "An internal error occurred. Retry the request; if it keeps failing, report it with the request id.";

    private readonly Dictionary<string, (JsonServiceBinding Service, OperationModel Operation)> _targets = new(StringComparer.Ordinal);
    private readonly JsonProtocolOptions _options;

    public JsonProtocolEngine(IEnumerable<JsonServiceBinding> services, JsonProtocolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        _options = options ?? new JsonProtocolOptions();
        Services = [.. services];
        foreach (var service in Services)
        {
            if (Services.Count(s => s.TargetPrefix == service.TargetPrefix) > 1)
            {
                throw new InvalidOperationException($"Two services are bound to the target prefix {service.TargetPrefix}.");
            }

            foreach (var operation in service.Model.Operations.Values)
            {
                _targets[$"{service.TargetPrefix}.{operation.Name}"] = (service, operation);
            }
        }
    }

    /// <summary>The bound services, with their implemented and unimplemented operations (for docs/COVERAGE.md).</summary>
    public IReadOnlyList<JsonServiceBinding> Services { get; }

    /// <summary>Whether the request's X-Amz-Target names one of the bound services (for a host that routes between protocols).</summary>
    public bool CanHandle(AwsHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Header(TargetHeader);
        var dot = target?.LastIndexOf('.') ?? -1;
        return dot > 0 && Services.Any(s => string.Equals(s.TargetPrefix, target![..dot], StringComparison.Ordinal));
    }

    public async Task<AwsHttpResponse> HandleAsync(AwsHttpRequest request, CancellationToken cancellationToken = default)
    {
        var requestId = Guid.NewGuid().ToString();
        try
        {
            return await HandleCoreAsync(request, requestId, cancellationToken);
        }
#pragma warning disable CA1031 // The engine's contract is to answer every request; a failure here is reported, never thrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _options.Report(e, request?.Header(TargetHeader) ?? "", requestId);
            return Error(requestId, "1.1", AwsError.Fault(AwsErrorCodes.InternalFailure, GenericFaultMessage), null);
        }
    }

    private async Task<AwsHttpResponse> HandleCoreAsync(AwsHttpRequest request, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return Error(requestId, "1.1", new AwsError(AwsErrorCodes.UnknownOperationException,
                $"The AWS JSON protocol accepts only POST requests, not {request.Method}.") { StatusCode = 405 }, null);
        }

        if (request.Path is not ("/" or ""))
        {
            return Error(requestId, "1.1", new AwsError(AwsErrorCodes.UnknownOperationException,
                $"No operation is served at {request.Path}; AWS JSON requests are sent to /.") { StatusCode = 404 }, null);
        }

        var target = request.Header(TargetHeader);
        if (string.IsNullOrEmpty(target) || !_targets.TryGetValue(target, out var resolved))
        {
            var message = string.IsNullOrEmpty(target)
                ? $"The {TargetHeader} header is missing."
                : $"No service operation is known for {TargetHeader} '{target}'.";
            return Error(requestId, "1.1", AwsError.Client(AwsErrorCodes.UnknownOperationException, message), null);
        }

        var (service, operation) = resolved;
        var jsonVersion = service.Model.Metadata.JsonVersion ?? "1.1";
        using var document = ParseBody(request.Body);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var problem = document is null ? "is not valid JSON" : "is not a JSON object";
            return Error(requestId, jsonVersion, AwsError.Client(AwsErrorCodes.SerializationException, $"The request body {problem}."), service);
        }

        var invoker = service.FindInvoker(operation.Name);
        if (invoker is null)
        {
            return Error(requestId, jsonVersion, new AwsError(AwsErrorCodes.NotImplemented,
                $"Licentia does not implement {target} yet; {_options.CoverageDocument} lists the operations it supports.") { StatusCode = 501 }, service);
        }

        if (operation.Input is not null)
        {
            var validation = RequestValidator.Validate(operation.Input, document.RootElement);
            if (validation.SerializationError is not null)
            {
                return Error(requestId, jsonVersion, AwsError.Client(AwsErrorCodes.SerializationException, validation.SerializationError), service);
            }

            if (!validation.IsValid)
            {
                return Error(requestId, jsonVersion, AwsError.Client(operation.ValidationErrorCode, validation.Message), service);
            }
        }

        object input;
        try
        {
            input = invoker.Deserialize(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or FormatException or OverflowException or InvalidOperationException)
        {
            return Error(requestId, jsonVersion, AwsError.Client(AwsErrorCodes.SerializationException, "The request body could not be read as " + operation.Input?.Name + "."), service);
        }

        try
        {
            var handler = service.HandlerFactory(request);
            var outcome = await IdempotentInvocation.RunAsync(
                _options.Idempotency, request, operation, document.RootElement, () => invoker.InvokeAsync(handler, input, cancellationToken), cancellationToken);
            return outcome.MismatchedToken is { } reused
                ? Error(requestId, jsonVersion, AwsError.Client(operation.ValidationErrorCode, ClientTokens.ReusedMessage(reused, operation.Name)), service)
                : new AwsHttpResponse(200, Headers(requestId, jsonVersion), outcome.Body);
        }
        catch (AwsErrorException e)
        {
            return Error(requestId, jsonVersion, e.ToAwsError(), service);
        }
#pragma warning disable CA1031 // Handler failures of every kind must become AWS errors.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = _options.Translate(e);
            if (error is null)
            {
                _options.Report(e, target, requestId);
                error = AwsError.Fault(operation.FaultErrorCode, GenericFaultMessage);
            }

            return Error(requestId, jsonVersion, error, service);
        }
    }

    // An empty body means "no parameters": botocore sends {} but other clients may send nothing.
    private static JsonDocument? ParseBody(ReadOnlyMemory<byte> body)
    {
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return JsonDocument.Parse("{}"u8.ToArray());
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AwsHttpResponse Error(string requestId, string jsonVersion, AwsError error, JsonServiceBinding? service)
    {
        var status = error.StatusCode ?? StatusFromModel(error.Code, service?.Model);
        var headers = Headers(requestId, jsonVersion);
        headers[ErrorTypeHeader] = error.Code;
        if (status == 405)
        {
            headers["Allow"] = "POST";
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            // botocore takes the code from __type (after any '#') and the text from "message" or "Message".
            writer.WriteStartObject();
            writer.WriteString("__type", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        return new AwsHttpResponse(status, headers, buffer.ToArray());
    }

    private static int StatusFromModel(string code, ServiceModel? model) =>
        model is not null && model.Shapes.TryGetValue(code, out var shape) && shape.IsError
            ? shape.IsFault ? 500 : shape.HttpStatusCode ?? 400
            : 400;

    private static Dictionary<string, string> Headers(string requestId, string jsonVersion) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = $"application/x-amz-json-{jsonVersion}",
        [RequestIdHeader] = requestId,
    };
}
