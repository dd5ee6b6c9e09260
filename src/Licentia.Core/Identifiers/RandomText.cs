namespace Licentia.Core.Identifiers;

/// <summary>Random strings drawn from an alphabet, one <see cref="IRandomSource.NextInt32"/> per character (no modulo bias).</summary>
public static class RandomText
{
    public const string Digits = "0123456789";
    public const string LowerHex = "0123456789abcdef";
    public const string UpperAlphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>The alphabet of AWS secret access keys (base64 characters).</summary>
    public const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static string Create(IRandomSource random, string alphabet, int length)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentException.ThrowIfNullOrEmpty(alphabet);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.NextInt32(state.alphabet.Length)];
            }
        });
    }
}
