using Licentia.Aws.Model;
using Licentia.Aws.Pagination;

namespace Licentia.Server.Wire;

/// <summary>
/// Turns store cursors into opaque NextTokens and back. A token is bound to its operation and to
/// the request's other parameters, so it cannot be replayed with different filters or forged.
/// </summary>
public sealed class ListPaging(PageTokens tokens)
{
    /// <summary>The store cursor the request's NextToken stands for, or null for a first page.</summary>
    public string? ReadCursor<TRequest>(OperationModel operation, TRequest request, string? nextToken) =>
        string.IsNullOrEmpty(nextToken) ? null : tokens.Read(operation, PageTokens.FilterFingerprint(request), nextToken);

    /// <summary>The NextToken to return, or null when the store says this was the last page.</summary>
    public string? IssueToken<TRequest>(OperationModel operation, TRequest request, string? nextCursor) =>
        nextCursor is null ? null : tokens.Issue(operation, PageTokens.FilterFingerprint(request), nextCursor);
}
