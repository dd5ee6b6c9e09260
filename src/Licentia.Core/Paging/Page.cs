namespace Licentia.Core.Paging;

/// <summary>One page of a keyset-paged listing. <see cref="NextCursor"/> is null on the last page.</summary>
/// <remarks>The cursor is the store's own position marker; the wire layer wraps it in an opaque token.</remarks>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
