using System.Security.Cryptography;
using System.Text;
using Licentia.Core.Security;

namespace Licentia.Core.Tests.Security;

public class AesGcmSecretProtectorTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    [Fact]
    public void Round_trips_and_lays_out_version_nonce_ciphertext_tag()
    {
        var protector = new AesGcmSecretProtector(AesGcmSecretProtector.CreateKey());

        var protectedData = protector.Protect(Secret);

        Assert.Equal(1 + 12 + Secret.Length + 16, protectedData.Length);
        Assert.Equal(1, protectedData[0]);
        Assert.False(protectedData.AsSpan().IndexOf(Secret.AsSpan(0, 8)) >= 0, "The plaintext must not appear in the output.");
        Assert.Equal(Secret, protector.Unprotect(protectedData));
    }

    [Fact]
    public void Uses_a_fresh_nonce_each_time()
    {
        var protector = new AesGcmSecretProtector(AesGcmSecretProtector.CreateKey());

        Assert.NotEqual(protector.Protect(Secret), protector.Protect(Secret));
    }

    [Fact]
    public void Round_trips_empty_plaintext()
    {
        var protector = new AesGcmSecretProtector(AesGcmSecretProtector.CreateKey());

        Assert.Empty(protector.Unprotect(protector.Protect([])));
    }

    public static TheoryData<int> EveryByteOffset() => [.. Enumerable.Range(0, 1 + 12 + 40 + 16)];

    [Theory]
    [MemberData(nameof(EveryByteOffset))]
    public void Detects_a_flipped_bit_anywhere(int offset)
    {
        var protector = new AesGcmSecretProtector(AesGcmSecretProtector.CreateKey());
        var protectedData = protector.Protect(Secret);

        protectedData[offset] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(protectedData));
    }

    [Fact]
    public void Refuses_data_protected_with_another_key()
    {
        var protectedData = new AesGcmSecretProtector(AesGcmSecretProtector.CreateKey()).Protect(Secret);

        Assert.ThrowsAny<CryptographicException>(() => new AesGcmSecretProtector(AesGcmSecretProtector.CreateKey()).Unprotect(protectedData));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(28)]
    public void Refuses_data_too_short_to_be_protected(int length)
    {
        var protector = new AesGcmSecretProtector(AesGcmSecretProtector.CreateKey());

        Assert.Throws<CryptographicException>(() => protector.Unprotect(new byte[length]));
    }

    [Fact]
    public void Refuses_an_unknown_format_version()
    {
        var protector = new AesGcmSecretProtector(AesGcmSecretProtector.CreateKey());
        var protectedData = protector.Protect(Secret);
        protectedData[0] = 2;

        var error = Assert.Throws<CryptographicException>(() => protector.Unprotect(protectedData));
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void Needs_a_32_byte_key(int length)
    {
        Assert.Throws<ArgumentException>(() => new AesGcmSecretProtector(new byte[length]));
    }

    [Fact]
    public void Reads_a_base64_key()
    {
        var key = AesGcmSecretProtector.CreateKey();
        var protectedData = new AesGcmSecretProtector(key).Protect(Secret);

        Assert.Equal(32, key.Length);
        Assert.Equal(Secret, AesGcmSecretProtector.FromBase64(Convert.ToBase64String(key)).Unprotect(protectedData));
    }
}
