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
    public static string NewId(IRandomSource random) => LowercaseUuid.New(random);

    /// <summary>Whether the text is a key id as KMS writes them: a lowercase 8-4-4-4-12 hex UUID.</summary>
    public static bool IsKeyId([NotNullWhen(true)] string? text) => LowercaseUuid.IsValid(text);

    /// <summary>A multi-Region key id (<c>mrk-</c> and 32 lowercase hex): well-formed, but Licentia never creates one.</summary>
    public static bool IsMultiRegionKeyId([NotNullWhen(true)] string? text) =>
        text is { Length: 36 }
        && text.StartsWith("mrk-", StringComparison.Ordinal)
        && text.AsSpan(4).IndexOfAnyExcept(LowerHexDigits) < 0;

    private static readonly System.Buffers.SearchValues<char> LowerHexDigits = System.Buffers.SearchValues.Create(RandomText.LowerHex);

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{AccountId}:{ResourcePrefix}{Id}";
}
