using Licentia.Aws;
using Licentia.Aws.Model;
using Licentia.Aws.Pagination;

namespace Licentia.Server.Wire;

/// <summary>
/// Turns store cursors into opaque NextTokens and back, for every engine (an <see cref="OperationModel"/> is the
/// same whatever the protocol). A token is bound to its operation and to the request's other parameters, so it
/// cannot be replayed with different filters or forged.
/// </summary>
public sealed class ListPaging(PageTokens tokens)
{
    /// <summary>The code EC2 answers a NextToken it did not issue with.</summary>
    public const string Ec2InvalidTokenCode = "InvalidParameterValue";

    /// <summary>The store cursor the request's NextToken stands for, or null for a first page.</summary>
    /// <param name="invalidTokenCode">The error code for a bad token; by default the operation's validation error.</param>
    public string? ReadCursor<TRequest>(OperationModel operation, TRequest request, string? nextToken, string? invalidTokenCode = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (string.IsNullOrEmpty(nextToken))
        {
            return null;
        }

        var fingerprint = PageTokens.FilterFingerprint(request);
        if (invalidTokenCode is null)
        {
            return tokens.Read(operation, fingerprint, nextToken);
        }

        return tokens.TryRead(operation, fingerprint, nextToken, out var cursor)
            ? cursor
            : throw new AwsErrorException(invalidTokenCode,
                $"Value ({nextToken}) for parameter NextToken is invalid: it is malformed, or was issued for another operation or other request parameters.");
    }

    /// <summary>The NextToken to return, or null when the store says this was the last page.</summary>
    public string? IssueToken<TRequest>(OperationModel operation, TRequest request, string? nextCursor) =>
        nextCursor is null ? null : tokens.Issue(operation, PageTokens.FilterFingerprint(request), nextCursor);
}
