using Licentia.Aws.Sts;

namespace Licentia.Aws.Tests.Query;

public class StsRequestTests
{
    private const string Assume = "Action=AssumeRoleWithWebIdentity&Version=2011-06-15"
        + "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fweb&RoleSessionName=app&WebIdentityToken=eyJ0b2tlbiJ9";

    [Fact]
    public async Task Query_lists_use_member_segments()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("sts", Assume + "&DurationSeconds=3600"
            + "&PolicyArns.member.2.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FB&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FA");

        Assert.Equal(200, response.StatusCode);
        var request = Assert.IsType<AssumeRoleWithWebIdentityRequest>(harness.Sts.LastRequest);
        Assert.Equal("arn:aws:iam::123456789012:role/web", request.RoleArn);
        Assert.Equal(3600, request.DurationSeconds);
        Assert.Equal(["arn:aws:iam::aws:policy/A", "arn:aws:iam::aws:policy/B"], request.PolicyArns!.Select(p => p.arn!));
    }

    [Fact]
    public async Task The_response_is_wrapped_in_the_result_element_with_response_metadata()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("sts", "Action=GetCallerIdentity&Version=2011-06-15");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/xml;charset=UTF-8", response.Headers["Content-Type"]);
        var root = QueryHarness.Xml(response);
        var ns = root.Name.Namespace;
        Assert.Equal("https://sts.amazonaws.com/doc/2011-06-15/", ns.NamespaceName);
        Assert.Equal("GetCallerIdentityResponse", root.Name.LocalName);
        var result = root.Element(ns + "GetCallerIdentityResult")!;
        Assert.Equal("123456789012", result.Element(ns + "Account")!.Value);
        Assert.Equal(response.Headers["x-amzn-RequestId"], root.Element(ns + "ResponseMetadata")!.Element(ns + "RequestId")!.Value);
    }

    [Fact]
    public async Task Validation_failures_are_ValidationError_in_the_words_of_aws()
    {
        var harness = new QueryHarness();

        var missing = await harness.Post("sts", "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=app&WebIdentityToken=abcd");
        var tooShort = await harness.Post("sts", Assume + "&DurationSeconds=60");
        var notNumber = await harness.Post("sts", Assume + "&DurationSeconds=soon");

        Assert.Equal(400, missing.StatusCode);
        Assert.Equal(("Sender", "ValidationError", "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null"),
            QueryHarness.QueryError(missing));
        Assert.Equal(("Sender", "ValidationError", "1 validation error detected: Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
            QueryHarness.QueryError(tooShort));
        Assert.Equal("ValidationError", QueryHarness.QueryError(notNumber).Code);
    }

    [Fact]
    public async Task Sensitive_values_stay_out_of_messages()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("sts", Assume.Replace("eyJ0b2tlbiJ9", "abc", StringComparison.Ordinal));

        var message = QueryHarness.QueryError(response).Message;
        Assert.Contains("'webIdentityToken'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_parameters_are_ignored_as_query_services_ignore_them()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("sts", "Action=GetCallerIdentity&Version=2011-06-15&Extra=1");

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Another_version_or_an_unknown_action_is_InvalidAction()
    {
        var harness = new QueryHarness();

        var version = await harness.Post("sts", "Action=GetCallerIdentity&Version=2099-01-01");
        var action = await harness.Post("sts", "Action=AssumeRole&Version=2011-06-15");

        Assert.Equal(("Sender", "InvalidAction", "Could not find operation GetCallerIdentity for version 2099-01-01"), QueryHarness.QueryError(version));
        Assert.Equal(("Sender", "InvalidAction", "Could not find operation AssumeRole for version 2011-06-15"), QueryHarness.QueryError(action));
    }

    [Fact]
    public async Task Modeled_errors_take_the_models_wire_code_and_status()
    {
        var harness = new QueryHarness();

        var response = await harness.Post("sts", Assume.Replace("eyJ0b2tlbiJ9", "rejected", StringComparison.Ordinal));

        Assert.Equal(403, response.StatusCode);
        Assert.Equal(("Sender", "IDPRejectedClaim", "The token was rejected."), QueryHarness.QueryError(response));
    }

    [Fact]
    public async Task Operations_the_model_leaves_unsigned_are_found_by_action_and_version()
    {
        var harness = new QueryHarness();
        AwsHttpRequest Request(string form) => new("POST", "/", new Dictionary<string, string> { ["Content-Type"] = QueryHarness.FormContentType }, System.Text.Encoding.UTF8.GetBytes(form));

        Assert.Equal("sts", harness.Engine.FindUnsignedService(Request(Assume))?.SigningName);
        Assert.Null(harness.Engine.FindUnsignedService(Request("Action=GetCallerIdentity&Version=2011-06-15")));
        Assert.Null(harness.Engine.FindUnsignedService(Request("Action=AssumeRoleWithWebIdentity&Version=1999-01-01")));
        Assert.Null(harness.Engine.FindUnsignedService(Request("Action=RunInstances")));
    }
}
