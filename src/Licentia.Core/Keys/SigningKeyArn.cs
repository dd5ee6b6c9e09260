using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;

namespace Licentia.Core.Keys;

/// <summary><c>arn:aws:kms:&lt;region&gt;:&lt;account&gt;:key/&lt;uuid&gt;</c>, and the key ids inside it.</summary>
public readonly record struct SigningKeyArn(string Region, string AccountId, string Id)
{
    public const string Partition = "aws";
    public const string Service = "kms";
    public const string ResourcePrefix = "key/";

    public Scope Scope => new(AccountId, Region);

    public static SigningKeyArn For(Scope scope, string id) => new(scope.Region, scope.AccountId, id);

    public static string Format(Scope scope, string id) => For(scope, id).ToString();

    /// <summary>A new random (version 4) UUID in lowercase, the form KMS key ids take.</summary>
    public static string NewId(IRandomSource random)
    {
        var hex = RandomText.Create(random, RandomText.LowerHex, 32).ToCharArray();
        hex[12] = '4';
        hex[16] = RandomText.LowerHex[8 + random.NextInt32(4)];
        var text = new string(hex);
        return $"{text[..8]}-{text[8..12]}-{text[12..16]}-{text[16..20]}-{text[20..]}";
    }

    /// <summary>Whether the text is a key id as KMS writes them: a lowercase 8-4-4-4-12 hex UUID.</summary>
    public static bool IsKeyId([NotNullWhen(true)] string? text)
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

    /// <summary>A multi-Region key id (<c>mrk-</c> and 32 lowercase hex): well-formed, but Licentia never creates one.</summary>
    public static bool IsMultiRegionKeyId([NotNullWhen(true)] string? text) =>
        text is { Length: 36 }
        && text.StartsWith("mrk-", StringComparison.Ordinal)
        && text.AsSpan(4).IndexOfAnyExcept(LowerHexDigits) < 0;

    private static readonly System.Buffers.SearchValues<char> LowerHexDigits = System.Buffers.SearchValues.Create(RandomText.LowerHex);

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{AccountId}:{ResourcePrefix}{Id}";
}
