using System.Text.Json;
using Licentia.Aws.Model;

namespace Licentia.Aws.Idempotency;

/// <summary>Finds the idempotency token of an operation's input: a member named ClientToken, or one the model marks as a token.</summary>
public static class ClientTokens
{
    public const string MemberName = "ClientToken";

    /// <summary>Whether the operation's input has a ClientToken (or idempotency token) member.</summary>
    public static bool HasClientToken(OperationModel operation) => TokenMember(operation) is not null;

    /// <summary>The name of the input's idempotency token member, or null.</summary>
    public static string? TokenMember(OperationModel operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var input = operation.Input;
        if (input is null)
        {
            return null;
        }

        return input.FindMember(MemberName)?.Name ?? input.Members.FirstOrDefault(m => m.IsIdempotencyToken)?.Name;
    }

    /// <summary>The token a request carries, or null when the operation has none or the request omits it.</summary>
    public static string? Find(OperationModel operation, JsonElement request) =>
        TokenMember(operation) is { } member
        && request.ValueKind == JsonValueKind.Object
        && request.TryGetProperty(member, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The message for a token reused with a different request.</summary>
    public static string ReusedMessage(string clientToken, string operation) =>
        $"ClientToken '{clientToken}' was already used with a different {operation} request. Use a new ClientToken for a new request.";
}
