using Licentia.Core.Accounts;
using Licentia.Core.Identifiers;

namespace Licentia.Core.Tests.Accounts;

public class AccountCredentialsTests
{
    [Fact]
    public void Generated_credentials_have_the_aws_formats()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.True(AccountCredentials.IsAccountId(AccountCredentials.NewAccountId(CryptoRandomSource.Instance)));
            Assert.True(AccountCredentials.IsAccessKeyId(AccountCredentials.NewAccessKeyId(CryptoRandomSource.Instance)));
            Assert.True(AccountCredentials.IsSecretAccessKey(AccountCredentials.NewSecretAccessKey(CryptoRandomSource.Instance)));
        }
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", true)]
    [InlineData("AKIA0000000000000000", true)]
    [InlineData("AKIAIOSFODNN7EXAMPL", false)]
    [InlineData("AKIAIOSFODNN7EXAMPLE1", false)]
    [InlineData("ASIAIOSFODNN7EXAMPLE", false)]
    [InlineData("AKIAIOSFODNN7EXAMPLe", false)]
    [InlineData(null, false)]
    public void Recognises_access_key_ids(string? text, bool expected)
    {
        Assert.Equal(expected, AccountCredentials.IsAccessKeyId(text));
    }
}
