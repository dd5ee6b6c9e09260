using System.Text;
using System.Text.Json;
using Licentia.Aws.LicenseManager;
using Licentia.Aws.Model;
using Licentia.Aws.Pagination;
using Licentia.Aws.Tests.Json;

namespace Licentia.Aws.Tests.Pagination;

public class PageTokensTests
{
    private static readonly ServiceModel Model = ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName);
    private static readonly OperationModel ListLicenses = Model.Operations["ListLicenses"];
    private static readonly OperationModel ListGrants = Model.Operations["ListDistributedGrants"];
    private readonly PageTokens _tokens = new(Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef"));

    private static string Filters(string json) => PageTokens.FilterFingerprint(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void A_token_round_trips_to_its_cursor()
    {
        var filters = Filters("""{"Filters":[{"Name":"Status","Values":["AVAILABLE"]}]}""");

        var token = _tokens.Issue(ListLicenses, filters, "2024-01-01|lic-42");

        Assert.Equal("2024-01-01|lic-42", _tokens.Read(ListLicenses, filters, token));
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
    }

    [Fact]
    public void Paging_members_do_not_change_the_filters()
    {
        Assert.Equal(
            Filters("""{"Filters":[],"MaxResults":5}"""),
            Filters("""{"MaxResults":10,"NextToken":"abc","Filters":[]}"""));
    }

    [Fact]
    public void A_tampered_token_is_rejected_with_the_operations_validation_error()
    {
        var filters = Filters("{}");
        var token = _tokens.Issue(ListLicenses, filters, "cursor-1");
        var forged = Base64Url("cursor-9") + token[token.IndexOf('.', StringComparison.Ordinal)..];

        var error = Assert.Throws<AwsErrorException>(() => _tokens.Read(ListLicenses, filters, forged));

        Assert.Equal("InvalidParameterValueException", error.Code);
        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("Invalid NextToken", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void Malformed_tokens_are_rejected(string token) =>
        Assert.False(_tokens.TryRead(ListLicenses, Filters("{}"), token, out _));

    [Fact]
    public void A_token_replayed_with_other_filters_is_rejected()
    {
        var token = _tokens.Issue(ListLicenses, Filters("""{"LicenseArns":["a"]}"""), "cursor");

        Assert.Throws<AwsErrorException>(() => _tokens.Read(ListLicenses, Filters("""{"LicenseArns":["b"]}"""), token));
    }

    [Fact]
    public void A_token_replayed_on_another_operation_is_rejected()
    {
        var filters = Filters("{}");
        var token = _tokens.Issue(ListLicenses, filters, "cursor");

        Assert.False(_tokens.TryRead(ListGrants, filters, token, out _));
    }

    [Fact]
    public void A_token_from_another_key_is_rejected()
    {
        var filters = Filters("{}");
        var token = new PageTokens(new byte[32]).Issue(ListLicenses, filters, "cursor");

        Assert.False(_tokens.TryRead(ListLicenses, filters, token, out _));
    }

    [Fact]
    public void Short_keys_are_refused() =>
        Assert.Throws<ArgumentException>(() => new PageTokens(new byte[16]));

    [Fact]
    public async Task Pages_through_the_engine_and_refuses_a_token_with_other_filters()
    {
        var harness = new EngineHarness();

        var first = EngineHarness.Json(await harness.Post("ListLicenseConfigurations", """{"MaxResults":2}"""));
        var token = first.GetProperty("NextToken").GetString();
        var second = EngineHarness.Json(await harness.Post("ListLicenseConfigurations", $$"""{"MaxResults":2,"NextToken":"{{token}}"}"""));
        var replayed = await harness.Post("ListLicenseConfigurations", $$"""{"NextToken":"{{token}}","Filters":[{"Name":"licenseCountingType","Values":["vCPU"]}]}""");

        Assert.Equal("config-2", second.GetProperty("LicenseConfigurations")[0].GetProperty("Name").GetString());
        Assert.Equal(400, replayed.StatusCode);
        Assert.Equal("InvalidParameterValueException", EngineHarness.ErrorOf(replayed).Type);
        Assert.StartsWith("Invalid NextToken", EngineHarness.ErrorOf(replayed).Message, StringComparison.Ordinal);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
