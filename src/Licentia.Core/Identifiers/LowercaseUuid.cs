using System.Diagnostics.CodeAnalysis;

namespace Licentia.Core.Identifiers;

/// <summary>Random (version 4) UUIDs in the lowercase 8-4-4-4-12 form AWS uses for KMS key ids and SSM activation ids.</summary>
public static class LowercaseUuid
{
    public static string New(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var hex = RandomText.Create(random, RandomText.LowerHex, 32).ToCharArray();
        hex[12] = '4';
        hex[16] = RandomText.LowerHex[8 + random.NextInt32(4)];
        var text = new string(hex);
        return $"{text[..8]}-{text[8..12]}-{text[12..16]}-{text[16..20]}-{text[20..]}";
    }

    public static bool IsValid([NotNullWhen(true)] string? text)
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
