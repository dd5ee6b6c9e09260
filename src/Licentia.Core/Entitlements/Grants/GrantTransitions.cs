using Licentia.Core.Errors;

namespace Licentia.Core.Entitlements.Grants;

/// <summary>The moves of a grant's status machine, each a named verb below.</summary>
public enum GrantTransition
{
    /// <summary>AcceptGrant by the grantee: PENDING_ACCEPT → DISABLED (accepted, not yet activated).</summary>
    Accept,
    /// <summary>RejectGrant by the grantee: PENDING_ACCEPT → REJECTED (final).</summary>
    Reject,
    /// <summary>CreateGrantVersion Status=ACTIVE by the grantee: DISABLED → ACTIVE.</summary>
    Activate,
    /// <summary>CreateGrantVersion Status=DISABLED by grantee or grantor: ACTIVE → DISABLED.</summary>
    Deactivate,
    /// <summary>DeleteGrant by the grantor: any status but DELETED → DELETED (final).</summary>
    Delete,
    /// <summary>The Organizations workflow created the member grants: PENDING_WORKFLOW → WORKFLOW_COMPLETED.</summary>
    CompleteWorkflow,
    /// <summary>The Organizations workflow failed: PENDING_WORKFLOW → FAILED_WORKFLOW (final).</summary>
    FailWorkflow,
}

/// <summary>
/// The grant status machine. Sources: the License Manager user guide ("Grant acceptance and activation": a grant is
/// Pending acceptance; Accept gives Disabled, Accept and Activate gives Active, Reject; grants accepted but not
/// activated are Disabled) and the model's GrantStatus. Activation is a CreateGrantVersion with Status ACTIVE by the
/// grantee. Every move appends a version; an illegal move is refused with <see cref="ValidationException"/> naming
/// the status and what is allowed from it. PENDING_DELETE is in the model but no move leads to it: DeleteGrant
/// takes effect at once.
/// </summary>
public static class GrantTransitions
{
    private static readonly GrantStatus[] AnyButDeleted =
        [.. Enum.GetValues<GrantStatus>().Where(s => s != GrantStatus.Deleted)];

    /// <summary>Per move: the statuses it may start from and the status it leads to.</summary>
    public static IReadOnlyDictionary<GrantTransition, (IReadOnlyList<GrantStatus> From, GrantStatus To)> Table { get; } =
        new Dictionary<GrantTransition, (IReadOnlyList<GrantStatus> From, GrantStatus To)>
        {
            [GrantTransition.Accept] = ([GrantStatus.PendingAccept], GrantStatus.Disabled),
            [GrantTransition.Reject] = ([GrantStatus.PendingAccept], GrantStatus.Rejected),
            [GrantTransition.Activate] = ([GrantStatus.Disabled], GrantStatus.Active),
            [GrantTransition.Deactivate] = ([GrantStatus.Active], GrantStatus.Disabled),
            [GrantTransition.Delete] = (AnyButDeleted, GrantStatus.Deleted),
            [GrantTransition.CompleteWorkflow] = ([GrantStatus.PendingWorkflow], GrantStatus.WorkflowCompleted),
            [GrantTransition.FailWorkflow] = ([GrantStatus.PendingWorkflow], GrantStatus.FailedWorkflow),
        };

    /// <summary>Statuses after which nothing but reading is possible (DeleteGrant still clears a rejected or failed grant).</summary>
    public static IReadOnlyList<GrantStatus> Final { get; } = [GrantStatus.Rejected, GrantStatus.FailedWorkflow, GrantStatus.Deleted];

    /// <summary>Grants that count towards the per-license quota: every grant not in a final status.</summary>
    public static bool IsLive(GrantStatus status) => !Final.Contains(status);

    public static Grant Accept(this Grant grant, DateTimeOffset now) => Apply(grant, GrantTransition.Accept, now, null);

    public static Grant Reject(this Grant grant, DateTimeOffset now, string? reason = null) => Apply(grant, GrantTransition.Reject, now, reason);

    /// <summary>Activation; <paramref name="activationOverride"/> is the Options.ActivationOverrideBehavior the new version records.</summary>
    public static Grant Activate(this Grant grant, DateTimeOffset now, string? reason = null, string? activationOverride = null)
    {
        var active = Apply(grant, GrantTransition.Activate, now, reason);
        return activationOverride is null
            ? active
            : active with { Versions = [.. active.Versions.SkipLast(1), active.Latest with { ActivationOverrideBehavior = activationOverride }] };
    }

    public static Grant Deactivate(this Grant grant, DateTimeOffset now, string? reason = null) => Apply(grant, GrantTransition.Deactivate, now, reason);

    public static Grant Delete(this Grant grant, DateTimeOffset now, string? reason = null) => Apply(grant, GrantTransition.Delete, now, reason);

    public static Grant CompleteWorkflow(this Grant grant, DateTimeOffset now) => Apply(grant, GrantTransition.CompleteWorkflow, now, null);

    public static Grant FailWorkflow(this Grant grant, DateTimeOffset now, string? reason = null) => Apply(grant, GrantTransition.FailWorkflow, now, reason);

    /// <summary>A new version with another name or operations and the same status. Refused on a grant in a final status.</summary>
    public static Grant Amend(this Grant grant, DateTimeOffset now, string? name, IReadOnlyList<GrantOperation>? operations, string? activationOverride)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (Final.Contains(grant.Status))
        {
            throw new ValidationException($"Grant '{grant.Arn}' is {GrantStatusNames.ToWire(grant.Status)}; it cannot be changed any more.");
        }

        return Append(grant, grant.Latest with
        {
            Name = name ?? grant.Latest.Name,
            AllowedOperations = operations ?? grant.Latest.AllowedOperations,
            ActivationOverrideBehavior = activationOverride ?? grant.Latest.ActivationOverrideBehavior,
            CreatedAt = now,
        });
    }

    /// <summary>Whether <paramref name="transition"/> may start from <paramref name="status"/>.</summary>
    public static bool Allows(GrantTransition transition, GrantStatus status) => Table[transition].From.Contains(status);

    /// <summary>Applies one move and appends the version it makes; refuses an illegal move.</summary>
    /// <exception cref="ValidationException">The move is not allowed from the grant's status.</exception>
    public static Grant Apply(Grant grant, GrantTransition transition, DateTimeOffset now, string? reason)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var (from, to) = Table[transition];
        if (!from.Contains(grant.Status))
        {
            var allowed = Table.Where(t => t.Value.From.Contains(grant.Status)).Select(t => t.Key.ToString()).ToList();
            throw new ValidationException(
                $"Grant '{grant.Arn}' is {GrantStatusNames.ToWire(grant.Status)}; it cannot {Verb(transition)} " +
                $"(that needs {string.Join(" or ", from.Select(GrantStatusNames.ToWire))}). " +
                (allowed.Count == 0 ? "No further change is possible." : $"Possible now: {string.Join(", ", allowed)}."));
        }

        return Append(grant, grant.Latest with { Status = to, StatusReason = reason, CreatedAt = now });
    }

    private static Grant Append(Grant grant, GrantVersion next) =>
        grant with { Versions = [.. grant.Versions, next with { Number = grant.Version + 1 }] };

    private static string Verb(GrantTransition transition) => transition switch
    {
        GrantTransition.Accept => "be accepted",
        GrantTransition.Reject => "be rejected",
        GrantTransition.Activate => "be activated",
        GrantTransition.Deactivate => "be deactivated",
        GrantTransition.Delete => "be deleted",
        GrantTransition.CompleteWorkflow => "complete a workflow",
        _ => "fail a workflow",
    };
}
