using System.Security.Cryptography;
using Licentia.Core.Keys;

namespace Licentia.Core.Tests.Keys;

public sealed class PrivateKeyCacheTests
{
    [Fact]
    public void A_key_is_loaded_once_and_then_served_from_the_cache()
    {
        var cache = new PrivateKeyCache(4);
        var key = Key("a");
        var loads = 0;

        var first = cache.GetOrLoad(key, _ => { loads++; return ECDsa.Create(ECCurve.NamedCurves.nistP256); });
        var second = cache.GetOrLoad(key, _ => { loads++; return ECDsa.Create(ECCurve.NamedCurves.nistP256); });

        Assert.Same(first, second);
        Assert.Equal(1, loads);
    }

    [Fact]
    public void The_cache_stays_within_its_capacity_and_zero_turns_it_off()
    {
        var cache = new PrivateKeyCache(2);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            cache.GetOrLoad(Key(id), _ => ECDsa.Create(ECCurve.NamedCurves.nistP256));
        }

        Assert.Equal(2, cache.Count);

        var off = new PrivateKeyCache(0);
        var loads = 0;
        off.GetOrLoad(Key("a"), _ => { loads++; return ECDsa.Create(ECCurve.NamedCurves.nistP256); });
        off.GetOrLoad(Key("a"), _ => { loads++; return ECDsa.Create(ECCurve.NamedCurves.nistP256); });
        Assert.Equal((0, 2), (off.Count, loads));
    }

    private static SigningKey Key(string id) => new()
    {
        Id = id,
        Arn = $"arn:aws:kms:us-east-1:111111111111:key/{id}",
        AccountId = "111111111111",
        Region = "us-east-1",
        Spec = SigningKeySpec.EccNistP256,
        CreatedAt = DateTimeOffset.UnixEpoch,
        PublicKey = new byte[] { 1 },
        EncryptedPrivateKey = new byte[] { 2 },
    };
}
