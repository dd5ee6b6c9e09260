using Licentia.Core;

namespace Licentia.Server.Wire;

/// <summary>
/// Who is calling, established by SigV4 before any handler runs: the account of the access key and
/// the region of the signature's credential scope. Scoped to one request.
/// </summary>
public sealed class CallerContext
{
    private Scope? _scope;

    public Scope Scope => _scope ?? throw new InvalidOperationException("The request was not authenticated.");

    public string AccessKeyId { get; private set; } = "";

    /// <summary>What kind of credential signed: an account's own key, or temporary session credentials.</summary>
    public PrincipalKind Kind { get; private set; }

    internal void Authenticate(string accountId, string region, string accessKeyId, PrincipalKind kind = PrincipalKind.Account)
    {
        _scope = new Scope(accountId, region);
        AccessKeyId = accessKeyId;
        Kind = kind;
    }
}

/// <summary>The kinds of caller; <see cref="Session"/> callers may call only the operations of <see cref="Sts.SessionPrincipalPolicy"/>.</summary>
public enum PrincipalKind
{
    /// <summary>An account's access key (AKIA...): every operation in its scope.</summary>
    Account,

    /// <summary>Temporary credentials from AssumeRoleWithWebIdentity (ASIA...): license consumption only.</summary>
    Session,
}
