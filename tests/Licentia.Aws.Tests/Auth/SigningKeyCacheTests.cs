using Licentia.Aws.Auth;

namespace Licentia.Aws.Tests.Auth;

public sealed class SigningKeyCacheTests
{
    [Fact]
    public void Derives_the_key_of_the_aws_documentation_example()
    {
        // From AWS's "derive a signing key" example: 20150830/us-east-1/iam with the example secret.
        var key = SigningKey.Derive(SigV4TestSuite.SecretAccessKey, "20150830", "us-east-1", "iam");
        Assert.Equal("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void A_hit_returns_the_stored_key_and_it_equals_a_fresh_derivation()
    {
        var cache = new SigningKeyCache();
        var first = cache.GetOrDerive("secret", "20150830", "us-east-1", "kms");
        var second = cache.GetOrDerive("secret", "20150830", "us-east-1", "kms");

        Assert.True(first.Equals(second), "the second lookup should return the cached array");
        Assert.Equal(SigningKey.Derive("secret", "20150830", "us-east-1", "kms"), first.ToArray());
        Assert.Equal(1, cache.Count);
    }

    [Theory]
    [InlineData("other-secret", "20150830", "us-east-1", "kms")]
    [InlineData("secret", "20150831", "us-east-1", "kms")]
    [InlineData("secret", "20150830", "eu-west-1", "kms")]
    [InlineData("secret", "20150830", "us-east-1", "ssm")]
    public void Each_part_of_the_entry_gives_its_own_key(string secret, string date, string region, string service)
    {
        var cache = new SigningKeyCache();
        var baseline = cache.GetOrDerive("secret", "20150830", "us-east-1", "kms").ToArray();
        var other = cache.GetOrDerive(secret, date, region, service).ToArray();

        Assert.NotEqual(baseline, other);
        Assert.Equal(SigningKey.Derive(secret, date, region, service), other);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void The_cache_stays_within_its_capacity_and_stays_correct()
    {
        var cache = new SigningKeyCache(capacity: 3);
        for (var day = 1; day <= 20; day++)
        {
            var date = $"201508{day:00}";
            Assert.Equal(SigningKey.Derive("secret", date, "us-east-1", "kms"), cache.GetOrDerive("secret", date, "us-east-1", "kms").ToArray());
            Assert.InRange(cache.Count, 1, 3);
        }
    }

    [Fact]
    public async Task A_verifier_with_a_tiny_cache_still_verifies_alternating_credentials()
    {
        var verifier = SignedRequests.Verifier(options: new SigV4VerifierOptions { SigningKeyCacheCapacity = 1 });
        var longTerm = SignedRequests.SignedRequest();
        var temporary = SignedRequests.Sign(SignedRequests.NewRequest(), SignedRequests.Parameters(accessKeyId: SignedRequests.TempAccessKeyId, token: SignedRequests.TempToken));
        var wrong = SignedRequests.Sign(SignedRequests.NewRequest(), SignedRequests.Parameters(secret: "wrong"));

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await verifier.VerifyAsync(longTerm)).Succeeded);
            Assert.True((await verifier.VerifyAsync(temporary)).Succeeded);
            Assert.False((await verifier.VerifyAsync(wrong)).Succeeded);
        }
    }
}
