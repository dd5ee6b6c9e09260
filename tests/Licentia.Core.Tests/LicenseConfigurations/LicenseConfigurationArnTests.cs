using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Tests.Fakes;

namespace Licentia.Core.Tests.LicenseConfigurations;

public class LicenseConfigurationArnTests
{
    private const string Id = "lic-0123456789abcdef0123456789abcdef";

    [Fact]
    public void Formats_and_parses_round_trip()
    {
        var scope = new Scope("123456789012", "eu-west-1");

        var text = LicenseConfigurationArn.Format(scope, Id);

        Assert.Equal($"arn:aws:license-manager:eu-west-1:123456789012:license-configuration:{Id}", text);
        var arn = LicenseConfigurationArn.Parse(text);
        Assert.Equal(scope, arn.Scope);
        Assert.Equal(Id, arn.Id);
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [InlineData("arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789ABCDEF0123456789abcdef")]
    [InlineData("arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0123456789abcde")]
    [InlineData("arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0123456789abcdef0")]
    [InlineData("arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0123456789abcdeg")]
    [InlineData("arn:aws:license-manager:us-east-1:123456789012:license-configuration:abc-0123456789abcdef0123456789abcdef")]
    [InlineData("arn:aws:license-manager:us-east-1:123456789012:license:lic-0123456789abcdef0123456789abcdef")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0123456789abcdef")]
    [InlineData("arn:aws-cn:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0123456789abcdef")]
    [InlineData("arn:aws:license-manager::123456789012:license-configuration:lic-0123456789abcdef0123456789abcdef")]
    [InlineData("arn:aws:license-manager:us-east-1::license-configuration:lic-0123456789abcdef0123456789abcdef")]
    [InlineData("arn:aws:license-manager:us-east-1:12345678901:license-configuration:lic-0123456789abcdef0123456789abcdef")]
    [InlineData("lic-0123456789abcdef0123456789abcdef")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_anything_else_and_shows_the_expected_form(string? text)
    {
        Assert.False(LicenseConfigurationArn.TryParse(text, out _));
        var error = Assert.Throws<InvalidParameterValueException>(() => LicenseConfigurationArn.Parse(text));
        Assert.Contains("license-configuration:lic-<32 lowercase hex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_ids_are_lic_and_32_lowercase_hex_characters()
    {
        var random = new ScriptedRandomSource();
        var ids = Enumerable.Range(0, 100).Select(_ => LicenseConfigurationArn.NewId(random)).ToList();

        Assert.All(ids, id => Assert.Matches("^lic-[0-9a-f]{32}$", id));
        Assert.All(ids, id => Assert.True(LicenseConfigurationArn.IsId(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
