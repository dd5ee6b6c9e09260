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
    public static string NewActivationId(IRandomSource random)
    {
        var hex = RandomText.Create(random, RandomText.LowerHex, 32).ToCharArray();
        hex[12] = '4';
        hex[16] = RandomText.LowerHex[8 + random.NextInt32(4)];
        var text = new string(hex);
        return $"{text[..8]}-{text[8..12]}-{text[12..16]}-{text[16..20]}-{text[20..]}";
    }

    public static bool IsActivationId([NotNullWhen(true)] string? text)
    {
        if (text is not { Length: 36 })
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = i is 8 or 13 or 18 or 23 ? c == '-' : char.IsAsciiDigit(c) || c is >= 'a' and <= 'f';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
