using System.Text.Json;
using System.Text.Json.Serialization;
using Licentia.Core.Inventory.Errors;
using Licentia.Core.Inventory;

namespace Licentia.Server.Agent;

/// <summary>
/// <c>POST /agent/register</c>: the one unsigned call of the agent protocol (docs/agent-protocol.md). The agent
/// proves it holds an activation code and receives its managed-node id and its own long-term access key pair;
/// everything after that is ordinary signed SSM. Refusals are JSON <c>{"__type", "message"}</c> with status 400.
/// </summary>
internal sealed partial class AgentRegistrationEndpoint(InventoryManager inventory, ILogger<AgentRegistrationEndpoint> logger)
{
    public const string Path = "/agent/register";

    private const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task HandleAsync(HttpContext http)
    {
        AgentRegisterRequest? request;
        try
        {
            if (http.Request.ContentLength > MaxBodyBytes)
            {
                await WriteErrorAsync(http, 413, "SerializationException", $"The request body is larger than {MaxBodyBytes} bytes.");
                return;
            }

            request = await JsonSerializer.DeserializeAsync<AgentRegisterRequest>(http.Request.Body, Json, http.RequestAborted);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is not { ActivationId: { Length: > 0 }, ActivationCode: { Length: > 0 }, Region: { Length: > 0 } })
        {
            await WriteErrorAsync(http, 400, "ValidationException", "The body must be JSON with ActivationId, ActivationCode and Region.");
            return;
        }

        try
        {
            var registration = await inventory.RegisterAsync(new RegisterCommand
            {
                Region = request.Region,
                ActivationId = request.ActivationId,
                ActivationCode = request.ActivationCode,
                Facts = new HostFacts
                {
                    ComputerName = request.ComputerName ?? string.Empty,
                    PlatformType = request.PlatformType ?? string.Empty,
                    PlatformName = request.PlatformName ?? string.Empty,
                    PlatformVersion = request.PlatformVersion ?? string.Empty,
                    AgentVersion = request.AgentVersion ?? string.Empty,
                    IpAddress = request.IpAddress ?? string.Empty,
                },
            }, http.RequestAborted);
            var instance = registration.Instance;
            LogRegistered(logger, instance.Id, instance.ActivationId, instance.Facts.ComputerName);
            http.Response.StatusCode = 200;
            await http.Response.WriteAsJsonAsync(new AgentRegisterResponse(
                instance.Id, instance.Arn, instance.AccountId, instance.Region, registration.AccessKeyId, registration.SecretAccessKey), Json, http.RequestAborted);
        }
        catch (SsmException refused)
        {
            LogRefused(logger, request.ActivationId, refused.ErrorCode);
            await WriteErrorAsync(http, 400, refused.ErrorCode, refused.Message);
        }
    }

    private static async Task WriteErrorAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["__type"] = code, ["message"] = message }, Json, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent registered managed node {InstanceId} with activation {ActivationId} (host {ComputerName})")]
    private static partial void LogRegistered(ILogger logger, string instanceId, string activationId, string computerName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent registration with activation {ActivationId} refused: {Code}")]
    private static partial void LogRefused(ILogger logger, string activationId, string code);
}

/// <summary>The body of <c>POST /agent/register</c>.</summary>
internal sealed record AgentRegisterRequest(
    string? ActivationId,
    string? ActivationCode,
    string? Region,
    string? ComputerName,
    string? PlatformType,
    string? PlatformName,
    string? PlatformVersion,
    string? AgentVersion,
    string? IpAddress);

/// <summary>The answer to a successful registration: the node and its own credentials (the secret is never shown again).</summary>
internal sealed record AgentRegisterResponse(
    string InstanceId, string InstanceArn, string AccountId, string Region, string AccessKeyId, string SecretAccessKey);
