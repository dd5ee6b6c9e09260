using Licentia.Core.Errors;
using Licentia.Core.Keys;
using Licentia.Core.Tagging;

namespace Licentia.Core.Tests.Keys;

public sealed class SigningKeyTagRulesTests
{
    [Fact]
    public void Valid_tags_pass_including_empty_values()
    {
        SigningKeyTagRules.Validate([new Tag("team", ""), new Tag(new string('k', 128), new string('v', 256))], 50);
        SigningKeyTagRules.Validate(null, 50);
    }

    [Theory]
    [InlineData("aws:created-by")]
    [InlineData("AWS:x")]
    [InlineData("")]
    public void Reserved_or_empty_keys_are_TagException(string key)
    {
        Assert.Throws<TagException>(() => SigningKeyTagRules.Validate([new Tag(key, "v")], 50));
    }

    [Fact]
    public void Repeated_keys_and_long_parts_are_TagException_and_too_many_tags_LimitExceeded()
    {
        Assert.Throws<TagException>(() => SigningKeyTagRules.Validate([new Tag("a", "1"), new Tag("a", "2")], 50));
        Assert.Throws<TagException>(() => SigningKeyTagRules.Validate([new Tag(new string('k', 129), "v")], 50));
        Assert.Throws<TagException>(() => SigningKeyTagRules.Validate([new Tag("k", new string('v', 257))], 50));
        Assert.Throws<LimitExceededException>(() => SigningKeyTagRules.Validate([.. Enumerable.Range(0, 3).Select(i => new Tag($"k{i}", "v"))], 2));
    }
}
