using System.Text.Json;
using Licentia.Aws.Idempotency;
using Licentia.Aws.LicenseManager;
using Licentia.Aws.Model;

namespace Licentia.Aws.Tests.Idempotency;

public class RequestFingerprintTests
{
    private static string Fingerprint(string json) => RequestFingerprint.Compute(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Member_order_and_whitespace_do_not_matter() =>
        Assert.Equal(
            Fingerprint("""{"ClientToken":"t","GrantName":"g","Tags":[{"Key":"a","Value":"b"}]}"""),
            Fingerprint("""
                {
                  "Tags": [ { "Value": "b", "Key": "a" } ],
                  "GrantName": "g",   "ClientToken": "t"
                }
                """));

    [Fact]
    public void Escapes_and_explicit_nulls_do_not_matter() =>
        Assert.Equal(Fingerprint("""{"A":"x","B":null}"""), Fingerprint("""{"A":"\u0078"}"""));

    [Theory]
    [InlineData("""{"GrantName":"h","ClientToken":"t"}""")]
    [InlineData("""{"GrantName":"g","ClientToken":"t","Extra":1}""")]
    [InlineData("""{"GrantName":["g"],"ClientToken":"t"}""")]
    public void A_different_request_has_a_different_fingerprint(string other) =>
        Assert.NotEqual(Fingerprint("""{"GrantName":"g","ClientToken":"t"}"""), Fingerprint(other));

    [Fact]
    public void List_order_matters() =>
        Assert.NotEqual(Fingerprint("""{"A":[1,2]}"""), Fingerprint("""{"A":[2,1]}"""));

    [Fact]
    public void A_dto_fingerprints_as_its_wire_json() =>
        Assert.Equal(
            Fingerprint("""{"GrantName":"g","ClientToken":"t"}"""),
            RequestFingerprint.Compute(new CreateGrantRequest { ClientToken = "t", GrantName = "g" }, []));

    [Fact]
    public void It_is_a_sha256_hex_string() =>
        Assert.Matches("^[0-9a-f]{64}$", Fingerprint("{}"));

    [Fact]
    public void Client_tokens_are_found_from_the_model()
    {
        var model = ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName);

        Assert.True(ClientTokens.HasClientToken(model.Operations["CreateGrant"]));
        Assert.False(ClientTokens.HasClientToken(model.Operations["CreateLicenseConfiguration"]));
        Assert.False(ClientTokens.HasClientToken(model.Operations["ListLicenses"]));
        Assert.Equal("tok", ClientTokens.Find(model.Operations["CreateGrant"], JsonDocument.Parse("""{"ClientToken":"tok"}""").RootElement));
        Assert.Null(ClientTokens.Find(model.Operations["CreateGrant"], JsonDocument.Parse("{}").RootElement));
    }
}
