namespace Licentia.Aws.Auth;

/// <summary>Who signed a verified request, and for which region and service.</summary>
public sealed record SigV4Identity(
    string AccessKeyId,
    string AccountId,
    string Region,
    string Service,
    DateTimeOffset SigningTime)
{
    public bool IsPresigned { get; init; }

    /// <summary>The session token the request carried, for temporary credentials.</summary>
    public string? SessionToken { get; init; }
}
