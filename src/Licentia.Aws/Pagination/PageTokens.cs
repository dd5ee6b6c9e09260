using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Licentia.Aws.Idempotency;
using Licentia.Aws.Model;

namespace Licentia.Aws.Pagination;

/// <summary>
/// Opaque NextToken values. A token is the store's cursor (base64url) and an HMAC-SHA256 over the cursor,
/// the operation and a fingerprint of the request's filters, so a client can neither forge a cursor nor
/// replay a token with other filters or on another operation.
/// </summary>
public sealed class PageTokens
{
    /// <summary>Request members that change between pages and so are left out of the filter fingerprint.</summary>
    public static IReadOnlyCollection<string> PagingMembers { get; } = ["NextToken", "MaxResults"];

    private const string Purpose = "licentia-page-token-v1";
    private readonly byte[] _key;

    /// <param name="key">A secret of at least 32 bytes, the same on every node of a cluster.</param>
    public PageTokens(ReadOnlySpan<byte> key)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("A page token key needs at least 32 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>The fingerprint of a request's filters: everything but NextToken and MaxResults.</summary>
    public static string FilterFingerprint(JsonElement request) => RequestFingerprint.Compute(request, PagingMembers);

    /// <summary>The fingerprint of a request DTO's filters: everything but NextToken and MaxResults.</summary>
    public static string FilterFingerprint<TRequest>(TRequest request) => RequestFingerprint.Compute(request, PagingMembers);

    /// <summary>Wraps a store cursor into a NextToken for this operation and these filters.</summary>
    public string Issue(OperationModel operation, string filterFingerprint, string cursor)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(cursor);
        var cursorBytes = Encoding.UTF8.GetBytes(cursor);
        return $"{Base64Url.EncodeToString(cursorBytes)}.{Base64Url.EncodeToString(Mac(operation, filterFingerprint, cursorBytes))}";
    }

    /// <summary>The cursor inside a NextToken.</summary>
    /// <exception cref="AwsErrorException">
    /// The token is malformed, was altered, or was issued for another operation or other filters; its code is the
    /// operation's validation error (InvalidParameterValueException for License Manager).
    /// </exception>
    public string Read(OperationModel operation, string filterFingerprint, string nextToken) =>
        TryRead(operation, filterFingerprint, nextToken, out var cursor)
            ? cursor
            : throw new AwsErrorException(
                operation.ValidationErrorCode,
                "Invalid NextToken: it is malformed, or was issued for another operation or other request parameters.");

    public bool TryRead(OperationModel operation, string filterFingerprint, string? nextToken, out string cursor)
    {
        ArgumentNullException.ThrowIfNull(operation);
        cursor = "";
        var dot = nextToken?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || dot != nextToken!.LastIndexOf('.'))
        {
            return false;
        }

        byte[] cursorBytes;
        byte[] mac;
        try
        {
            cursorBytes = Base64Url.DecodeFromChars(nextToken.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(nextToken.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(operation, filterFingerprint, cursorBytes)))
        {
            return false;
        }

        cursor = Encoding.UTF8.GetString(cursorBytes);
        return true;
    }

    // Every field is length-prefixed so that no two different (operation, filters, cursor) triples sign the same bytes.
    private byte[] Mac(OperationModel operation, string filterFingerprint, byte[] cursor)
    {
        using var buffer = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in new[] { Encoding.UTF8.GetBytes(Purpose), Encoding.UTF8.GetBytes(operation.ServiceName),
                     Encoding.UTF8.GetBytes(operation.Name), Encoding.UTF8.GetBytes(filterFingerprint ?? ""), cursor })
        {
            BinaryPrimitives.WriteInt32BigEndian(length, field.Length);
            buffer.Write(length);
            buffer.Write(field);
        }

        return HMACSHA256.HashData(_key, buffer.ToArray());
    }
}
