using Licentia.Core.Sessions;
using Licentia.Server.Wire;

namespace Licentia.Server.Sts;

/// <summary>
/// The one place that says what temporary credentials from AssumeRoleWithWebIdentity (a customer without an account)
/// may call: consuming a license (check out, borrow, check in, extend), reading the license and its usage, listing
/// received licenses, and asking STS who they are. Everything else is refused by <see cref="AwsEndpoint"/> before it
/// reaches a handler: AccessDeniedException (JSON services) or AccessDenied (query services), HTTP 403. A session
/// also acts only in the Region of its token.
/// </summary>
internal static class SessionPrincipalPolicy
{
    private static readonly HashSet<string> AllowedJsonTargets = new(StringComparer.Ordinal)
    {
        "AWSLicenseManager.CheckoutLicense",
        "AWSLicenseManager.CheckoutBorrowLicense",
        "AWSLicenseManager.CheckInLicense",
        "AWSLicenseManager.ExtendLicenseConsumption",
        "AWSLicenseManager.GetLicense",
        "AWSLicenseManager.GetLicenseUsage",
        "AWSLicenseManager.ListReceivedLicenses",
    };

    private static readonly HashSet<string> AllowedQueryActions = new(StringComparer.Ordinal)
    {
        "sts:GetCallerIdentity",
    };

    public static IReadOnlyCollection<string> JsonTargets => AllowedJsonTargets;

    public static IReadOnlyCollection<string> QueryActions => AllowedQueryActions;

    public static PrincipalKind KindOf(string accessKeyId) =>
        SessionManager.IsSessionAccessKeyId(accessKeyId) ? PrincipalKind.Session : PrincipalKind.Account;

    /// <summary>Whether a caller of this kind may call a JSON target (X-Amz-Target) or a query action of a service.</summary>
    public static bool Allows(PrincipalKind kind, bool json, string service, string target) =>
        kind == PrincipalKind.Account
        || (json ? AllowedJsonTargets.Contains(target) : AllowedQueryActions.Contains(service + ":" + target));

    /// <summary>A session acts only in the Region its token was issued in; false when the signature names another.</summary>
    public static async Task<bool> InHomeRegionAsync(IServiceProvider services, string accessKeyId, string region, CancellationToken ct) =>
        await services.GetRequiredService<SessionManager>().ResolveAsync(accessKeyId, ct) is { } session && session.Stored.Region == region;

    public static string DeniedMessage(string operation) =>
        $"Temporary credentials of a web identity session may only consume licenses; they are not authorized to perform {operation}.";
}
