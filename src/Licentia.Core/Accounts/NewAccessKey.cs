namespace Licentia.Core.Accounts;

/// <summary>An access key issued to an existing account; the plaintext secret is returned once.</summary>
public sealed record NewAccessKey(string AccountId, string AccessKeyId, string SecretAccessKey)
{
    public override string ToString() => $"NewAccessKey {{ AccountId = {AccountId}, AccessKeyId = {AccessKeyId}, SecretAccessKey = *** }}";
}
