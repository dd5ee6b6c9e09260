using System.Text.Json;
using Licentia.Core.Inventory;

namespace Licentia.Server.Agent;

/// <summary>
/// Keeps a managed node's credentials to SSM: a request whose SigV4 credential is a node key (prefix AKMI) but whose
/// credential scope names another service is refused with 403 AccessDeniedException before it reaches any service.
/// The scope's service is part of what is signed, so a request that passes here and then verifies is an SSM request;
/// within SSM, <see cref="InventoryManager"/> limits the node to its own data.
/// </summary>
internal static class ManagedInstanceKeyGate
{
    public const string AllowedService = "ssm";

    public static async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        if (CredentialOf(http.Request) is { } credential)
        {
            var parts = credential.Split('/');
            if (parts.Length >= 4 && ManagedInstanceCredentials.IsInstanceAccessKeyId(parts[0]) && parts[3] != AllowedService)
            {
                http.Response.StatusCode = 403;
                http.Response.ContentType = "application/x-amz-json-1.1";
                http.Response.Headers["x-amzn-ErrorType"] = "AccessDeniedException";
                await http.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["__type"] = "AccessDeniedException",
                    ["message"] = $"The credentials of a managed node may only call Systems Manager, not '{parts[3]}'.",
                }), http.RequestAborted);
                return;
            }
        }

        await next();
    }

    private static string? CredentialOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        var at = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (at >= 0)
        {
            var start = at + "Credential=".Length;
            var end = authorization.IndexOfAny([',', ' '], start);
            return end < 0 ? authorization[start..] : authorization[start..end];
        }

        return request.Query.TryGetValue("X-Amz-Credential", out var query) ? query.ToString() : null;
    }
}
