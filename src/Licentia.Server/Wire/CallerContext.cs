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

    internal void Authenticate(string accountId, string region, string accessKeyId)
    {
        _scope = new Scope(accountId, region);
        AccessKeyId = accessKeyId;
    }
}
