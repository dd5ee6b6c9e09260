using Licentia.Core.Errors;
using Licentia.Core.Tagging;

namespace Licentia.Core.Tests.Tagging;

public class TagRulesTests
{
    [Theory]
    [InlineData("k", "")]
    [InlineData("Environment", "production")]
    [InlineData("aw:s", "v")]
    [InlineData("awsome", "v")]
    [InlineData("owner:aws", "v")]
    [InlineData("日本語", "値")]
    public void Accepts_valid_tags(string key, string value)
    {
        TagRules.ValidateTags([new Tag(key, value)], 50);
    }

    [Fact]
    public void Lengths_count_characters_at_the_limits()
    {
        TagRules.ValidateTags([new Tag(new string('k', 128), new string('v', 256))], 50);
        // 128 emoji are 256 UTF-16 units but 128 characters.
        TagRules.ValidateTags([new Tag(string.Concat(Enumerable.Repeat("😀", 128)), "v")], 50);
    }

    public static TheoryData<string, string, string> InvalidTags() => new()
    {
        { "", "v", "1 to 128 characters" },
        { new string('k', 129), "v", "1 to 128 characters" },
        { "k", new string('v', 257), "at most 256 characters" },
        { "aws:owner", "v", "reserved for AWS" },
        { "AWS:owner", "v", "reserved for AWS" },
        { "k\u0001", "v", "control characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidTags))]
    public void Refuses_invalid_tags(string key, string value, string expected)
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => TagRules.ValidateTags([new Tag(key, value)], 50));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_key_given_twice()
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => TagRules.ValidateTags([new Tag("a", "1"), new Tag("a", "2")], 50));
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_more_tags_than_a_resource_may_carry()
    {
        var tags = Enumerable.Range(0, 51).Select(i => new Tag($"k{i}", "v")).ToList();

        var error = Assert.Throws<InvalidParameterValueException>(() => TagRules.ValidateTags(tags, 50));
        Assert.Contains("at most 50 tags", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "at least one")]
    [InlineData(new[] { "" }, "1 to 128")]
    [InlineData(new[] { "aws:createdBy" }, "reserved for AWS")]
    public void Refuses_invalid_keys_to_remove(string[] keys, string expected)
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => TagRules.ValidateKeys(keys));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
