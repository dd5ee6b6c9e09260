using Licentia.Core.Identifiers;

namespace Licentia.Core.Accounts;

/// <summary>
/// The formats of account ids and access keys, as AWS shapes them: a 12-digit account id, a 20-character
/// access key id of uppercase letters and digits starting with AKIA, and a 40-character secret of
/// base64 characters.
/// </summary>
public static class AccountCredentials
{
    public const int AccountIdLength = 12;
    public const string AccessKeyIdPrefix = "AKIA";
    public const int AccessKeyIdLength = 20;
    public const int SecretAccessKeyLength = 40;

    public static string NewAccountId(IRandomSource random) => RandomText.Create(random, RandomText.Digits, AccountIdLength);

    public static string NewAccessKeyId(IRandomSource random) =>
        AccessKeyIdPrefix + RandomText.Create(random, RandomText.UpperAlphanumerics, AccessKeyIdLength - AccessKeyIdPrefix.Length);

    public static string NewSecretAccessKey(IRandomSource random) =>
        RandomText.Create(random, RandomText.SecretAlphabet, SecretAccessKeyLength);

    public static bool IsAccountId(string? text) => Arn.IsAccountId(text);

    public static bool IsAccessKeyId(string? text) =>
        text is { Length: AccessKeyIdLength }
        && text.StartsWith(AccessKeyIdPrefix, StringComparison.Ordinal)
        && text.All(c => RandomText.UpperAlphanumerics.Contains(c, StringComparison.Ordinal));

    public static bool IsSecretAccessKey(string? text) =>
        text is { Length: SecretAccessKeyLength } && text.All(c => RandomText.SecretAlphabet.Contains(c, StringComparison.Ordinal));
}
