namespace Licentia.Core.Accounts;

/// <summary>
/// An access key as stored: the secret is kept only in encrypted form (see <c>ISecretProtector</c>).
/// </summary>
public sealed record AccessKeyRecord(string AccessKeyId, string AccountId, byte[] EncryptedSecret, DateTimeOffset CreatedAt);
