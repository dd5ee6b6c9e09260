namespace Licentia.Core.Accounts;

/// <summary>What request signing needs to verify a signature: whose key it is and its secret.</summary>
public sealed record ResolvedAccessKey(string AccountId, string SecretAccessKey)
{
    public override string ToString() => $"ResolvedAccessKey {{ AccountId = {AccountId}, SecretAccessKey = *** }}";
}
