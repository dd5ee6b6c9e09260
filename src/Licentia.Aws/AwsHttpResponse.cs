namespace Licentia.Aws;

/// <summary>An HTTP response produced by a protocol engine, for the host to copy onto its own response.</summary>
public sealed record AwsHttpResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body);
