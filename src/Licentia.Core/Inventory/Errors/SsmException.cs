namespace Licentia.Core.Inventory.Errors;

/// <summary>
/// A Systems Manager error the caller is meant to see. Each subclass is named exactly after an error shape of the
/// SSM model (or, for the agent's registration, after a code of docs/agent-protocol.md), so the protocol layer uses
/// <see cref="ErrorCode"/> as the wire code. A family of its own, like EC2's, because SSM's error shapes are not
/// License Manager's or KMS's.
/// </summary>
public abstract class SsmException : Exception
{
    protected SsmException()
    {
    }

    protected SsmException(string message)
        : base(message)
    {
    }

    protected SsmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The SSM error code: the class name.</summary>
    public string ErrorCode => GetType().Name;
}
