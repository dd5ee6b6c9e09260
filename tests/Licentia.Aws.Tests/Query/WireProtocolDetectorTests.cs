using Licentia.Aws.Auth;
using Licentia.Aws.Query;

namespace Licentia.Aws.Tests.Query;

public class WireProtocolDetectorTests
{
    [Theory]
    [InlineData("AWSLicenseManager.ListLicenses", "application/x-amz-json-1.1", "", WireProtocol.Json)]
    [InlineData("AWSLicenseManager.ListLicenses", "application/x-www-form-urlencoded", "", WireProtocol.Json)]
    [InlineData(null, "application/x-www-form-urlencoded; charset=utf-8", "", WireProtocol.Query)]
    [InlineData("", "Application/X-WWW-Form-UrlEncoded", "", WireProtocol.Query)]
    [InlineData(null, null, "Action=DescribeInstances&Version=2016-11-15", WireProtocol.Query)]
    [InlineData(null, null, "X-Amz-Algorithm=AWS4-HMAC-SHA256&Action=GetCallerIdentity", WireProtocol.Query)]
    [InlineData(null, null, "Action=", WireProtocol.Json)]
    [InlineData(null, "application/x-amz-json-1.1", "", WireProtocol.Json)]
    [InlineData(null, null, "", WireProtocol.Json)]
    public void The_protocol_is_told_from_target_content_type_and_query(string? target, string? contentType, string query, WireProtocol expected) =>
        Assert.Equal(expected, WireProtocolDetector.Detect(target, contentType, query));

    [Fact]
    public void The_action_is_read_for_logs_from_query_or_form() =>
        Assert.Equal(("GetCallerIdentity", "RunInstances", ""),
            (WireProtocolDetector.ActionOf("Action=GetCallerIdentity", null, default),
             WireProtocolDetector.ActionOf("", "application/x-www-form-urlencoded", "Version=1&Action=RunInstances"u8),
             WireProtocolDetector.ActionOf("", "application/json", "Action=RunInstances"u8)));

    [Theory]
    [InlineData("ec2", AwsErrorDialect.Ec2)]
    [InlineData("sts", AwsErrorDialect.Query)]
    [InlineData("iam", AwsErrorDialect.Query)]
    [InlineData(null, AwsErrorDialect.Query)]
    public void Refusals_are_worded_in_the_dialect_of_the_scoped_service(string? service, AwsErrorDialect expected) =>
        Assert.Equal(expected, new QueryHarness().Engine.DialectOf(service));

    [Fact]
    public void Errors_before_dispatch_use_the_dialects_xml()
    {
        var ec2 = QueryProtocolEngine.ErrorResponse(AwsErrorDialect.Ec2, "AuthFailure", "AWS was not able to validate the provided access credentials", 401);
        var query = QueryProtocolEngine.ErrorResponse(AwsErrorDialect.Query, "SignatureDoesNotMatch", "no", 403, "https://sts.amazonaws.com/doc/2011-06-15/");

        Assert.Equal(401, ec2.StatusCode);
        Assert.Equal(("AuthFailure", "AWS was not able to validate the provided access credentials"), QueryHarness.Ec2Error(ec2));
        Assert.Equal(("Sender", "SignatureDoesNotMatch", "no"), QueryHarness.QueryError(query));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>", QueryHarness.Text(query), StringComparison.Ordinal);
    }

    [Fact]
    public void Bindings_refuse_json_models_and_list_coverage()
    {
        var json = Licentia.Aws.Model.ServiceModel.LoadEmbedded(Licentia.Aws.LicenseManager.LicenseManagerOperations.ModelName);
        Assert.Throws<InvalidOperationException>(() => QueryServiceBinding.Create(json, Licentia.Aws.LicenseManager.LicenseManagerOperations.All, _ => new TestEc2Api()));

        var ec2 = new QueryHarness().Engine.FindService("ec2")!;
        Assert.Equal(["DescribeHosts", "DescribeInstances", "RunInstances", "StopInstances", "TerminateInstances"], ec2.ImplementedOperations);
        Assert.Contains("AllocateHosts", ec2.UnimplementedOperations);
        Assert.Equal(14, ec2.ImplementedOperations.Count + ec2.UnimplementedOperations.Count);
    }
}
