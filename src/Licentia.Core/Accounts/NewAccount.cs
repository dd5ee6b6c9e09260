namespace Licentia.Core.Accounts;

/// <summary>
/// A created account and its first access key. <see cref="SecretAccessKey"/> is the only plaintext copy
/// of the secret: it is shown to the caller once and stored only encrypted.
/// </summary>
public sealed record NewAccount(Account Account, string AccessKeyId, string SecretAccessKey)
{
    // Keep the secret out of logs that print the record.
    public override string ToString() => $"NewAccount {{ Account = {Account}, AccessKeyId = {AccessKeyId}, SecretAccessKey = *** }}";
}
