using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Identifiers;

namespace Licentia.Core.Inventory;

/// <summary>Managed node ids (<c>mi-</c> and 17 lowercase hex digits), their ARNs, and activation ids (lowercase UUIDs).</summary>
public static class ManagedInstanceIds
{
    public const string Prefix = "mi-";
    public const int HexDigits = 17;

    public static string NewInstanceId(IRandomSource random) => Prefix + RandomText.Create(random, RandomText.LowerHex, HexDigits);

    public static bool IsInstanceId([NotNullWhen(true)] string? text) =>
        text is { Length: 20 } && text.StartsWith(Prefix, StringComparison.Ordinal) && text.AsSpan(3).IndexOfAnyExcept(HexCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> HexCharacters = System.Buffers.SearchValues.Create(RandomText.LowerHex);

    /// <summary><c>arn:aws:ssm:&lt;region&gt;:&lt;account&gt;:managed-instance/mi-…</c></summary>
    public static string Arn(Scope scope, string instanceId) => $"arn:aws:ssm:{scope.Region}:{scope.AccountId}:managed-instance/{instanceId}";

    /// <summary>A new random (version 4) UUID in lowercase.</summary>
    public static string NewActivationId(IRandomSource random) => LowercaseUuid.New(random);

    public static bool IsActivationId([NotNullWhen(true)] string? text) => LowercaseUuid.IsValid(text);
}
