namespace Licentia.Aws.Auth;

/// <summary>An authentication error as it goes on the wire: AWS error code, HTTP status and message.</summary>
public sealed record AwsAuthError(string Code, int HttpStatus, string Message);
