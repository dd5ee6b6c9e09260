namespace Licentia.Core.Idempotency;

public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> FindAsync(Scope scope, string operation, string clientToken, CancellationToken ct);

    /// <summary>Remembers the outcome. False if a record with the same scope, operation and token exists already.</summary>
    Task<bool> TryAddAsync(Scope scope, IdempotencyRecord record, CancellationToken ct);

    /// <summary>Forgets records created before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken ct);
}
