using Licentia.Core.Entitlements.Grants;

namespace Licentia.Core.Entitlements.Licenses;

/// <summary>A license as its grantee sees it in ListReceivedLicenses: the license and what was received of it.</summary>
public sealed record ReceivedLicense(LicenseView View, ReceivedMetadata Received);

/// <summary>ReceivedMetadata: the status and operations of the grant that gives the caller the license.</summary>
public sealed record ReceivedMetadata(GrantStatus ReceivedStatus, string? ReceivedStatusReason, IReadOnlyList<GrantOperation> AllowedOperations)
{
    // An account may hold several grants of one license (from the issuer and from a redistributor); the one that
    // gives it the most decides: active over accepted over pending, newest first among equals.
    private static readonly GrantStatus[] Precedence =
    [
        GrantStatus.Active, GrantStatus.Disabled, GrantStatus.PendingAccept, GrantStatus.WorkflowCompleted, GrantStatus.PendingWorkflow,
        GrantStatus.PendingDelete, GrantStatus.Rejected, GrantStatus.FailedWorkflow, GrantStatus.Deleted,
    ];

    /// <summary>The metadata of the grant that decides among <paramref name="grants"/> (all of one license, one grantee).</summary>
    public static ReceivedMetadata From(IReadOnlyCollection<Grant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        var decisive = grants
            .OrderBy(g => Array.IndexOf(Precedence, g.Status))
            .ThenByDescending(g => g.CreatedAt)
            .First();
        return new ReceivedMetadata(decisive.Status, decisive.Latest.StatusReason, decisive.Latest.AllowedOperations);
    }
}
