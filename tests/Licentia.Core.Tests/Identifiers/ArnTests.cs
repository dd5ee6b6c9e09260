using Licentia.Core.Errors;
using Licentia.Core.Identifiers;

namespace Licentia.Core.Tests.Identifiers;

public class ArnTests
{
    [Theory]
    [InlineData("arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123", "aws", "license-manager", "us-east-1", "123456789012", "license-configuration:lic-0123")]
    [InlineData("arn:aws:iam::123456789012:user/alice", "aws", "iam", "", "123456789012", "user/alice")]
    [InlineData("arn:aws:s3:::my-bucket/key:with:colons", "aws", "s3", "", "", "my-bucket/key:with:colons")]
    [InlineData("arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-1", "aws-cn", "ec2", "cn-north-1", "123456789012", "instance/i-1")]
    [InlineData("arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/abc", "aws-us-gov", "kms", "us-gov-west-1", "123456789012", "key/abc")]
    public void Parses_valid_arns(string text, string partition, string service, string region, string account, string resource)
    {
        var arn = Arn.Parse(text);

        Assert.Equal(new Arn(partition, service, region, account, resource), arn);
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("arn:aws:license-manager:us-east-1:123456789012", "expected arn:")]
    [InlineData("ARN:aws:iam::123456789012:user/a", "expected arn:")]
    [InlineData("urn:aws:iam::123456789012:user/a", "expected arn:")]
    [InlineData("arn:AWS:iam::123456789012:user/a", "partition")]
    [InlineData("arn:azure:iam::123456789012:user/a", "partition")]
    [InlineData("arn:aws::us-east-1:123456789012:x", "service")]
    [InlineData("arn:aws:License-Manager:us-east-1:123456789012:x", "service")]
    [InlineData("arn:aws:ec2:US-EAST-1:123456789012:x", "region")]
    [InlineData("arn:aws:ec2:us-east-1-:123456789012:x", "region")]
    [InlineData("arn:aws:ec2:us-east-1:12345678901:x", "12 digits")]
    [InlineData("arn:aws:ec2:us-east-1:1234567890123:x", "12 digits")]
    [InlineData("arn:aws:ec2:us-east-1:12345678901a:x", "12 digits")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:", "resource")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:a b", "resource")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:a\nb", "resource")]
    public void Refuses_malformed_arns_and_says_why(string? text, string reason)
    {
        Assert.False(Arn.TryParse(text, out _));
        var error = Assert.Throws<InvalidParameterValueException>(() => Arn.Parse(text, "ResourceArn"));
        Assert.Contains("ResourceArn", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_overlong_arns()
    {
        Assert.False(Arn.TryParse("arn:aws:ec2:us-east-1:123456789012:" + new string('x', 2048), out _));
    }
}
