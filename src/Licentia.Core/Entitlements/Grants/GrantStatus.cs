using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;

namespace Licentia.Core.Entitlements.Grants;

/// <summary>The model's GrantStatus, in its order.</summary>
public enum GrantStatus
{
    PendingWorkflow,
    PendingAccept,
    Rejected,
    Active,
    FailedWorkflow,
    Deleted,
    PendingDelete,
    Disabled,
    WorkflowCompleted,
}

public static class GrantStatusNames
{
    public static IReadOnlyList<string> All { get; } =
        ["PENDING_WORKFLOW", "PENDING_ACCEPT", "REJECTED", "ACTIVE", "FAILED_WORKFLOW", "DELETED", "PENDING_DELETE", "DISABLED", "WORKFLOW_COMPLETED"];

    public static string ToWire(GrantStatus status) =>
        (int)status >= 0 && (int)status < All.Count ? All[(int)status] : throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown grant status.");

    public static bool TryParse([NotNullWhen(true)] string? text, out GrantStatus status)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == text)
            {
                status = (GrantStatus)i;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static GrantStatus Parse(string? text, string parameterName = "Status") =>
        TryParse(text, out var status)
            ? status
            : throw new InvalidParameterValueException($"{parameterName} '{text}' is not valid. Allowed values: {string.Join(", ", All)}.");
}
