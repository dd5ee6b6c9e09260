using System.Text;
using System.Text.Json;
using Licentia.Aws.Idempotency;
using Licentia.Aws.Auth;
using Licentia.Aws.Model;
using Licentia.Aws.Validation;

namespace Licentia.Aws.Query;

/// <summary>
/// The AWS query protocols for every query service (STS: protocol "query") and for EC2 (protocol "ec2"):
/// <c>POST /</c> with a form body, or <c>GET /?Action=..</c>, naming the operation with Action and the API with
/// Version. The host picks the service (by the signature's credential scope); the engine reads the parameters
/// into the generated DTO as botocore serializes them, validates them against the model, calls the handler, and
/// writes the XML response or error in the service's dialect. It never throws: every outcome, including a bug in a
/// handler, is an <see cref="AwsHttpResponse"/>.
/// </summary>
public sealed class QueryProtocolEngine
{
    public const string RequestIdHeader = "x-amzn-RequestId";
    public const string XmlContentType = "text/xml;charset=UTF-8";

    private const string GenericFaultMessage = "An internal error occurred. Retry the request; if it keeps failing, report it with the request id.";

    // Parameters of the request itself rather than of the operation: never unknown.
    private static readonly HashSet<string> ProtocolParameters = new(StringComparer.Ordinal)
    {
        "Action", "Version", "AWSAccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "Timestamp", "Expires", "SecurityToken",
    };

    private readonly Dictionary<string, QueryServiceBinding> _bySigningName = new(StringComparer.Ordinal);
    private readonly QueryProtocolOptions _options;

    public QueryProtocolEngine(IEnumerable<QueryServiceBinding> services, QueryProtocolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        _options = options ?? new QueryProtocolOptions();
        Services = [.. services];
        foreach (var service in Services)
        {
            if (!_bySigningName.TryAdd(service.SigningName, service))
            {
                throw new InvalidOperationException($"Two services are bound to the signing name {service.SigningName}.");
            }
        }
    }

    /// <summary>The bound services, with their implemented and unimplemented operations (for docs/COVERAGE.md).</summary>
    public IReadOnlyList<QueryServiceBinding> Services { get; }

    /// <summary>The service for a SigV4 service name (the credential scope's), or null.</summary>
    public QueryServiceBinding? FindService(string? signingName) =>
        signingName is null ? null : _bySigningName.GetValueOrDefault(signingName);

    /// <summary>
    /// The service whose Action (and Version, when given) names an operation its model lets callers send unsigned
    /// (<c>authtype: none</c>, like STS's AssumeRoleWithWebIdentity), or null.
    /// </summary>
    public QueryServiceBinding? FindUnsignedService(AwsHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = QueryParameters.From(request.QueryString, request.Header("Content-Type"), request.Body.Span);
        var action = parameters["Action"];
        var version = parameters["Version"];
        return action is null
            ? null
            : Services.FirstOrDefault(s => s.Model.Operations.TryGetValue(action, out var operation)
                && !operation.RequiresAuthentication
                && (version is null || version == s.Model.Metadata.ApiVersion));
    }

    /// <summary>The error dialect of a service: EC2's for EC2-protocol services (and "ec2"), else the query one.</summary>
    public AwsErrorDialect DialectOf(string? signingName) =>
        FindService(signingName)?.IsEc2 ?? signingName == "ec2" ? AwsErrorDialect.Ec2 : AwsErrorDialect.Query;

    /// <summary>An error in a query dialect, for failures before a service answers (authentication, body too large).</summary>
    public static AwsHttpResponse ErrorResponse(AwsErrorDialect dialect, string code, string message, int statusCode, string? xmlNamespace = null)
    {
        var requestId = Guid.NewGuid().ToString();
        var xml = QueryXml.Error(dialect == AwsErrorDialect.Ec2, xmlNamespace, code, message, statusCode >= 500, requestId);
        return new AwsHttpResponse(statusCode, Headers(requestId), Encoding.UTF8.GetBytes(xml));
    }

    /// <summary>Answers one request for the service signed for (<paramref name="signingName"/>, e.g. "ec2").</summary>
    public async Task<AwsHttpResponse> HandleAsync(AwsHttpRequest request, string signingName, CancellationToken cancellationToken = default)
    {
        var requestId = Guid.NewGuid().ToString();
        var service = FindService(signingName);
        try
        {
            ArgumentNullException.ThrowIfNull(request);
            if (service is null)
            {
                return Error(requestId, null, signingName == "ec2", AwsError.Client(QueryErrorCodes.InvalidAction,
                    $"Licentia serves no query-protocol service named '{signingName}'."));
            }

            return await HandleCoreAsync(request, service, requestId, cancellationToken);
        }
#pragma warning disable CA1031 // The engine's contract is to answer every request; a failure here is reported, never thrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _options.Report(e, signingName, requestId);
            var ec2 = service?.IsEc2 ?? signingName == "ec2";
            return Error(requestId, service, ec2, AwsError.Fault(ec2 ? QueryErrorCodes.InternalError : AwsErrorCodes.InternalFailure, GenericFaultMessage));
        }
    }

    private async Task<AwsHttpResponse> HandleCoreAsync(AwsHttpRequest request, QueryServiceBinding service, string requestId, CancellationToken cancellationToken)
    {
        var ec2 = service.IsEc2;
        if (request.Method is not ("POST" or "GET"))
        {
            return Error(requestId, service, ec2, new AwsError(QueryErrorCodes.InvalidAction,
                $"The query protocol accepts POST and GET requests, not {request.Method}.") { StatusCode = 405 });
        }

        var parameters = QueryParameters.From(request.QueryString, request.Header("Content-Type"), request.Body.Span);
        var action = parameters["Action"];
        if (string.IsNullOrEmpty(action))
        {
            return Error(requestId, service, ec2, AwsError.Client(QueryErrorCodes.MissingAction, "The request must contain the parameter Action."));
        }

        var version = parameters["Version"];
        if (!service.Model.Operations.TryGetValue(action, out var operation)
            || (!ec2 && version is not null && version != service.Model.Metadata.ApiVersion))
        {
            // EC2 serves every API version it ever published, so only query services hold the client to theirs.
            var message = ec2
                ? $"The action {action} is not valid for this web service."
                : $"Could not find operation {action} for version {version ?? service.Model.Metadata.ApiVersion}";
            return Error(requestId, service, ec2, AwsError.Client(QueryErrorCodes.InvalidAction, message));
        }

        var target = $"{service.SigningName}:{action}";
        var invoker = service.FindInvoker(operation.Name);
        if (invoker is null)
        {
            return Error(requestId, service, ec2, new AwsError(AwsErrorCodes.NotImplemented,
                $"Licentia does not implement {action} yet; {_options.CoverageDocument} lists the operations it supports.") { StatusCode = 501 });
        }

        var read = QueryRequestReader.Read(operation.Input, parameters, ec2, ProtocolParameters);
        if (InputError(service, operation, read) is { } inputError)
        {
            return Error(requestId, service, ec2, inputError);
        }

        object input;
        try
        {
            input = invoker.Deserialize(read.Json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or FormatException or OverflowException or InvalidOperationException)
        {
            return Error(requestId, service, ec2, AwsError.Client(ec2 ? QueryErrorCodes.InvalidParameterValue : QueryErrorCodes.ValidationError,
                $"The parameters could not be read as {operation.Input?.Name}."));
        }

        try
        {
            var handler = service.HandlerFactory(request);
            var outcome = await IdempotentInvocation.RunAsync(
                _options.Idempotency, request, operation, read.Json, () => invoker.InvokeAsync(handler, input, cancellationToken), cancellationToken);
            if (outcome.MismatchedToken is { } reused)
            {
                // EC2 has a code of its own for a reused token; other query services word it as bad input.
                return Error(requestId, service, ec2, AwsError.Client(
                    ec2 ? QueryErrorCodes.IdempotentParameterMismatch : QueryErrorCodes.ValidationError, ClientTokens.ReusedMessage(reused, operation.Name)));
            }

            // The remembered answer is the handler's output, not the XML, so a replay carries its own request id.
            using var output = JsonDocument.Parse(outcome.Body);
            var xml = QueryXml.Response(service, operation, output.RootElement, requestId);
            return new AwsHttpResponse(200, Headers(requestId), Encoding.UTF8.GetBytes(xml));
        }
        catch (AwsErrorException e)
        {
            return Error(requestId, service, ec2, e.ToAwsError());
        }
#pragma warning disable CA1031 // Handler failures of every kind must become AWS errors.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = _options.Translate(e);
            if (error is null)
            {
                _options.Report(e, target, requestId);
                error = AwsError.Fault(ec2 ? QueryErrorCodes.InternalError : operation.FaultErrorCode, GenericFaultMessage);
            }

            return Error(requestId, service, ec2, error);
        }
    }

    // What EC2 checks, in its order: parameters it does not know, values of the wrong type, missing required
    // parameters, then constraints. Query services ignore unknown parameters and word the rest as ValidationError.
    private static AwsError? InputError(QueryServiceBinding service, OperationModel operation, QueryReadResult read)
    {
        var ec2 = service.IsEc2;
        if (ec2 && read.UnknownParameters.Count > 0)
        {
            return AwsError.Client(QueryErrorCodes.UnknownParameter, $"The parameter {read.UnknownParameters[0]} is not recognized");
        }

        if (read.ConversionError is { } conversion)
        {
            return ec2
                ? AwsError.Client(QueryErrorCodes.InvalidParameterValue, $"Value ({conversion.Value}) for parameter {conversion.Name} is invalid. Expected {conversion.Expected}.")
                : AwsError.Client(QueryErrorCodes.ValidationError, $"Value '{conversion.Value}' at '{conversion.Name}' failed to satisfy constraint: Member must be {conversion.Expected}");
        }

        if (operation.Input is null)
        {
            return null;
        }

        var validation = RequestValidator.Validate(operation.Input, read.Json, ec2 ? Ec2Naming : ValidationNaming.Default);
        if (validation.IsValid)
        {
            return null;
        }

        if (!ec2)
        {
            return AwsError.Client(QueryErrorCodes.ValidationError, validation.SerializationError ?? validation.Message);
        }

        if (validation.Violations.FirstOrDefault(v => v.Value is null) is { } missing)
        {
            return AwsError.Client(QueryErrorCodes.MissingParameter, $"The request must contain the parameter {missing.Path}");
        }

        if (validation.Violations.Count == 0)
        {
            return AwsError.Client(QueryErrorCodes.InvalidParameterValue, validation.SerializationError!);
        }

        var first = validation.Violations[0];
        var value = first.IsSensitive ? "" : $"({first.Value}) ";
        // Enum sets can be long (EC2 has hundreds of instance types); EC2 does not list them either.
        var rule = first.Constraint.StartsWith("Member must satisfy enum value set", StringComparison.Ordinal) ? "" : $" {first.Constraint}.";
        return AwsError.Client(QueryErrorCodes.InvalidParameterValue, $"Value {value}for parameter {first.Path} is invalid.{rule}");
    }

    private static readonly ValidationNaming Ec2Naming = new()
    {
        Member = member => QueryRequestReader.WireName(member, ec2: true),
        ListItem = (path, index) => $"{path}.{index}",
    };

    // The code on the wire is the model's error code for a modeled shape (STS: "MalformedPolicyDocument" for
    // MalformedPolicyDocumentException), and the status the error's, else the shape's, else 400 (500 for faults).
    private static AwsHttpResponse Error(string requestId, QueryServiceBinding? service, bool ec2, AwsError error)
    {
        var shape = service is not null && service.Model.Shapes.TryGetValue(error.Code, out var s) && s.IsError ? s : null;
        var status = error.StatusCode ?? (shape is null ? 400 : shape.IsFault ? 500 : shape.HttpStatusCode ?? 400);
        var code = shape?.ErrorCode ?? error.Code;
        var xml = QueryXml.Error(ec2, service?.XmlNamespace, code, error.Message, status >= 500, requestId);
        return new AwsHttpResponse(status, Headers(requestId), Encoding.UTF8.GetBytes(xml));
    }

    private static Dictionary<string, string> Headers(string requestId) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = XmlContentType,
        [RequestIdHeader] = requestId,
    };
}
