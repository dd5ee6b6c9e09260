using System.Text.Json;
using Licentia.Aws.Model;

namespace Licentia.Aws.Idempotency;

/// <summary>What a handler call under a ClientToken came to: the body to answer with, or a token reused for another request.</summary>
internal readonly record struct IdempotentOutcome(byte[] Body, string? MismatchedToken);

/// <summary>
/// Runs a handler call under its ClientToken, the same way for every protocol: a remembered answer
/// for the same token and request is replayed without acting; a remembered answer for another
/// request means the token was reused; otherwise the handler acts and its answer is remembered (if a
/// racing request with the same token got there first, its answer wins for both).
/// </summary>
internal static class IdempotentInvocation
{
    public static async Task<IdempotentOutcome> RunAsync(
        IIdempotencyGuard? guard, AwsHttpRequest request, OperationModel operation, JsonElement input, Func<Task<byte[]>> invoke, CancellationToken ct)
    {
        var token = guard is null ? null : ClientTokens.Find(operation, input);
        if (token is null)
        {
            return new IdempotentOutcome(await invoke(), null);
        }

        var fingerprint = RequestFingerprint.Compute(input);
        if (await guard!.FindAsync(request, operation.Name, token, ct) is { } earlier)
        {
            return Replay(earlier, fingerprint, token);
        }

        var body = await invoke();
        var winner = await guard.RememberAsync(request, operation.Name, token, new RememberedResponse(fingerprint, body), ct);
        return winner is null ? new IdempotentOutcome(body, null) : Replay(winner, fingerprint, token);
    }

    private static IdempotentOutcome Replay(RememberedResponse earlier, string fingerprint, string token) =>
        earlier.RequestFingerprint == fingerprint ? new IdempotentOutcome(earlier.Body, null) : new IdempotentOutcome([], token);
}
