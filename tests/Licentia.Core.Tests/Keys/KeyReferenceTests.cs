using Licentia.Core.Errors;
using Licentia.Core.Keys;
using Licentia.Core.Tests.Fakes;

namespace Licentia.Core.Tests.Keys;

public sealed class KeyReferenceTests
{
    private const string Id = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static readonly Scope Home = new("111111111111", "us-east-1");

    [Fact]
    public void A_key_id_or_the_key_ARN_of_the_callers_scope_resolves_to_the_id()
    {
        Assert.Equal(Id, KeyReference.Resolve(Home, Id));
        Assert.Equal(Id, KeyReference.Resolve(Home, $"arn:aws:kms:us-east-1:111111111111:key/{Id}"));
    }

    [Theory]
    [InlineData("fake-key-id")]
    [InlineData("1234abcd12ab34cd56ef1234567890ab")]
    [InlineData("")]
    public void Text_that_is_no_key_id_gets_KMS_Invalid_keyId(string text)
    {
        var error = Assert.Throws<NotFoundException>(() => KeyReference.Resolve(Home, text));
        Assert.Equal($"Invalid keyId '{text}'", error.Message);
    }

    [Fact]
    public void A_key_ARN_of_another_region_gets_KMS_Invalid_arn()
    {
        var error = Assert.Throws<NotFoundException>(() => KeyReference.Resolve(Home, $"arn:aws:kms:eu-west-1:111111111111:key/{Id}"));
        Assert.Equal("Invalid arn eu-west-1", error.Message);
    }

    [Fact]
    public void A_key_ARN_of_another_account_does_not_exist_here()
    {
        var arn = $"arn:aws:kms:us-east-1:222222222222:key/{Id}";
        var error = Assert.Throws<NotFoundException>(() => KeyReference.Resolve(Home, arn));
        Assert.Equal($"Key '{arn}' does not exist", error.Message);
    }

    [Fact]
    public void Aliases_are_not_found_because_Licentia_has_none_yet()
    {
        var error = Assert.Throws<NotFoundException>(() => KeyReference.Resolve(Home, "alias/license-signing"));
        Assert.Equal("Alias arn:aws:kms:us-east-1:111111111111:alias/license-signing is not found.", error.Message);
        Assert.Throws<NotFoundException>(() => KeyReference.Resolve(Home, "arn:aws:kms:us-east-1:111111111111:alias/x"));
    }

    [Fact]
    public void Multi_region_key_ids_are_well_formed_and_other_ARNs_are_not()
    {
        Assert.Equal("mrk-1234abcd12ab34cd56ef1234567890ab", KeyReference.Resolve(Home, "mrk-1234abcd12ab34cd56ef1234567890ab"));
        Assert.Throws<NotFoundException>(() => KeyReference.Resolve(Home, $"arn:aws:s3:us-east-1:111111111111:key/{Id}"));
        Assert.Throws<NotFoundException>(() => KeyReference.Resolve(Home, "arn:aws:kms:us-east-1:111111111111:key/nope"));
    }

    [Fact]
    public void New_ids_are_version_4_uuids_in_lowercase()
    {
        var random = new ScriptedRandomSource();
        for (var i = 0; i < 50; i++)
        {
            var id = SigningKeyArn.NewId(random);
            Assert.True(SigningKeyArn.IsKeyId(id), id);
            Assert.Equal('4', id[14]);
            Assert.Contains(id[19], "89ab");
            Assert.True(Guid.TryParse(id, out _));
        }
    }
}
