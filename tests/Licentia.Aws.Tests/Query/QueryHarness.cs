using System.Text;
using System.Xml.Linq;
using Licentia.Aws.Ec2;
using Licentia.Aws.Model;
using Licentia.Aws.Query;
using Licentia.Aws.Sts;

namespace Licentia.Aws.Tests.Query;

/// <summary>The query engine wired as a host would wire it, around the test handlers, with helpers to post forms.</summary>
public sealed class QueryHarness
{
    public const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public QueryHarness(params QueryServiceBinding[] extra)
    {
        Engine = new QueryProtocolEngine(
            [
                QueryServiceBinding.Create(ServiceModel.LoadEmbedded(Ec2Operations.ModelName), Ec2Operations.All, _ => Ec2),
                QueryServiceBinding.Create(ServiceModel.LoadEmbedded(StsOperations.ModelName), StsOperations.All, _ => Sts),
                .. extra,
            ],
            new QueryProtocolOptions
            {
                ErrorTranslator = e => e is FakeQueryDomainException d ? AwsError.Client(d.Code, d.Message) : null,
                OnUnhandledException = (e, target, requestId) => Reported.Add((e, target, requestId)),
            });
    }

    public TestEc2Api Ec2 { get; } = new();

    public TestStsApi Sts { get; } = new();

    public QueryProtocolEngine Engine { get; }

    public List<(Exception Exception, string Target, string RequestId)> Reported { get; } = [];

    public Task<AwsHttpResponse> Post(string service, string form, string contentType = FormContentType) =>
        Engine.HandleAsync(new AwsHttpRequest("POST", "/", new Dictionary<string, string> { ["Content-Type"] = contentType }, Encoding.UTF8.GetBytes(form)), service);

    public Task<AwsHttpResponse> Get(string service, string query) =>
        Engine.HandleAsync(new AwsHttpRequest("GET", "/", new Dictionary<string, string>(), default) { QueryString = query }, service);

    public static XElement Xml(AwsHttpResponse response) => XDocument.Parse(Encoding.UTF8.GetString(response.Body)).Root!;

    public static string Text(AwsHttpResponse response) => Encoding.UTF8.GetString(response.Body);

    /// <summary>The code and message of an EC2 error body.</summary>
    public static (string Code, string Message) Ec2Error(AwsHttpResponse response)
    {
        var root = Xml(response);
        Assert.Equal("Response", root.Name.LocalName);
        var error = root.Element("Errors")!.Element("Error")!;
        Assert.False(string.IsNullOrEmpty(root.Element("RequestID")?.Value));
        return (error.Element("Code")!.Value, error.Element("Message")!.Value);
    }

    /// <summary>The type, code and message of a query (STS) error body.</summary>
    public static (string Type, string Code, string Message) QueryError(AwsHttpResponse response)
    {
        var root = Xml(response);
        Assert.Equal("ErrorResponse", root.Name.LocalName);
        var ns = root.Name.Namespace;
        var error = root.Element(ns + "Error")!;
        Assert.False(string.IsNullOrEmpty(root.Element(ns + "RequestId")?.Value));
        return (error.Element(ns + "Type")!.Value, error.Element(ns + "Code")!.Value, error.Element(ns + "Message")!.Value);
    }
}
