using System.Text;
using Licentia.Aws;
using Licentia.Aws.Idempotency;
using Licentia.Core.Idempotency;

namespace Licentia.Server.Wire;

/// <summary>
/// Keeps ClientToken outcomes in the store, per caller account and region, so retries are answered
/// the same on every node. Records older than <see cref="Lifetime"/> are purged by <see cref="IdempotencyPurge"/>.
/// </summary>
internal sealed class StoredIdempotencyGuard(IIdempotencyStore store, TimeProvider time) : IIdempotencyGuard
{
    /// <summary>How long a token is remembered; a retry after that acts as a new request.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async ValueTask<RememberedResponse?> FindAsync(AwsHttpRequest request, string operation, string clientToken, CancellationToken ct)
    {
        var record = await store.FindAsync(Caller(request).Scope, operation, clientToken, ct);
        return record is null || record.CreatedAt < time.GetUtcNow() - Lifetime ? null : ToResponse(record);
    }

    public async ValueTask<RememberedResponse?> RememberAsync(
        AwsHttpRequest request, string operation, string clientToken, RememberedResponse response, CancellationToken ct)
    {
        var scope = Caller(request).Scope;
        var record = new IdempotencyRecord(operation, clientToken, response.RequestFingerprint, Encoding.UTF8.GetString(response.Body), time.GetUtcNow());
        if (await store.TryAddAsync(scope, record, ct))
        {
            return null;
        }

        var winner = await store.FindAsync(scope, operation, clientToken, ct);
        return winner is null ? null : ToResponse(winner);
    }

    private static RememberedResponse ToResponse(IdempotencyRecord record) =>
        new(record.RequestFingerprint, Encoding.UTF8.GetBytes(record.ResponseJson));

    private static CallerContext Caller(AwsHttpRequest request) =>
        (request.Services ?? throw new InvalidOperationException("The request carries no services.")).GetRequiredService<CallerContext>();
}
