namespace Licentia.Aws.Query;

/// <summary>The two wire families a request can arrive in.</summary>
public enum WireProtocol
{
    /// <summary>AWS JSON 1.0/1.1: <c>X-Amz-Target</c> names the operation.</summary>
    Json,

    /// <summary>Query or EC2: a form body, or an Action in the query string, names the operation.</summary>
    Query,
}

/// <summary>
/// Tells which protocol a request speaks from what is visible before authentication: an X-Amz-Target header
/// means JSON; a form-encoded body or an Action query parameter means query; anything else is left to the JSON
/// engine, whose errors explain what is missing.
/// </summary>
public static class WireProtocolDetector
{
    public const string TargetHeader = "X-Amz-Target";

    public static WireProtocol Detect(string? amzTarget, string? contentType, string rawQuery)
    {
        if (!string.IsNullOrEmpty(amzTarget))
        {
            return WireProtocol.Json;
        }

        if (QueryParameters.IsForm(contentType))
        {
            return WireProtocol.Query;
        }

        return !string.IsNullOrEmpty(rawQuery) && QueryParameters.Find(rawQuery, "Action") is { Length: > 0 }
            ? WireProtocol.Query
            : WireProtocol.Json;
    }

    /// <summary>The operation a query request names, for logs: its Action from the query string or form body, or "".</summary>
    public static string ActionOf(string rawQuery, string? contentType, ReadOnlySpan<byte> body)
    {
        var action = QueryParameters.Find(rawQuery, "Action");
        if (action is null && QueryParameters.IsForm(contentType))
        {
            action = QueryParameters.Find(System.Text.Encoding.UTF8.GetString(body), "Action");
        }

        return action ?? "";
    }
}
