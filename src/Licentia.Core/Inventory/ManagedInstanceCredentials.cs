using Licentia.Core.Identifiers;

namespace Licentia.Core.Inventory;

/// <summary>
/// The long-term access key pair a registered server signs with. It is bound to one managed node: it may call
/// only SSM, only in the node's Region, and only about the node itself. Its id starts with <see cref="AccessKeyIdPrefix"/>
/// so that any layer can tell it from an account key without a lookup.
/// </summary>
public static class ManagedInstanceCredentials
{
    /// <summary>"AKMI": access key of a managed instance (account keys start with AKIA).</summary>
    public const string AccessKeyIdPrefix = "AKMI";

    public static string NewAccessKeyId(IRandomSource random) =>
        AccessKeyIdPrefix + RandomText.Create(random, RandomText.UpperAlphanumerics, 16);

    public static bool IsInstanceAccessKeyId(string? text) =>
        text is { Length: 20 }
        && text.StartsWith(AccessKeyIdPrefix, StringComparison.Ordinal)
        && text.AsSpan(4).IndexOfAnyExcept(KeyCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> KeyCharacters = System.Buffers.SearchValues.Create(RandomText.UpperAlphanumerics);
}

/// <summary>A managed node's access key as stored: the secret only encrypted.</summary>
public sealed record ManagedInstanceKey(
    string AccessKeyId,
    string AccountId,
    string Region,
    string InstanceId,
    ReadOnlyMemory<byte> EncryptedSecret,
    DateTimeOffset CreatedAt)
{
    public Scope Scope => new(AccountId, Region);
}

/// <summary>A managed node's key, resolved for signature verification.</summary>
public sealed record ResolvedInstanceKey(string AccountId, string Region, string InstanceId, string SecretAccessKey)
{
    public override string ToString() => $"ResolvedInstanceKey {{ AccountId = {AccountId}, Region = {Region}, InstanceId = {InstanceId}, SecretAccessKey = *** }}";
}

/// <summary>What a successful registration gives the agent; the secret is returned this once.</summary>
public sealed record Registration(ManagedInstance Instance, string AccessKeyId, string SecretAccessKey)
{
    public override string ToString() => $"Registration {{ InstanceId = {Instance.Id}, AccessKeyId = {AccessKeyId}, SecretAccessKey = *** }}";
}
