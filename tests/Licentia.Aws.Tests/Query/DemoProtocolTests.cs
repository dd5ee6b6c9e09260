using System.Text;

namespace Licentia.Aws.Tests.Query;

/// <summary>Every shape kind, through both protocols, with a model made for it.</summary>
public class DemoProtocolTests
{
    [Fact]
    public async Task Query_protocol_reads_maps_timestamps_blobs_doubles_and_list_names()
    {
        var api = new DemoApi();
        var harness = new QueryHarness(DemoQueryService.Binding("query", api));
        var form = "Action=Echo&Version=2020-01-01&Name=demo&When=2024-05-01T10%3A00%3A00.250Z&Data=aGVsbG8%3D"
            + "&Labels.entry.1.key=a&Labels.entry.1.value=1&Labels.entry.2.key=b&Labels.entry.2.value=2"
            + "&Items.member.1.Id=one&Items.member.1.Enabled=true&Items.member.2.Id=two"
            + "&Flat.1=x&Flat.2=y&Count=7&Ratio=0.5&On=false&Color=green"
            + "&inner.size=3&inner.Tags.Tag.1.Key=k&inner.Tags.Tag.1.Value=v";

        var response = await harness.Post("demo", form);

        Assert.Equal(200, response.StatusCode);
        var request = api.LastRequest!;
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, 250, TimeSpan.Zero), request.When);
        Assert.Equal("hello", Encoding.UTF8.GetString(request.Data!));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, request.Labels);
        Assert.Equal([("one", (bool?)true), ("two", null)], request.Items!.Select(i => (i.Id!, i.Enabled)));
        Assert.Equal(["x", "y"], request.Flat!);
        Assert.Equal((7, 0.5, false, "green"), (request.Count, request.Ratio, request.On, request.Color));
        Assert.Equal(3, request.Inner!.Size);
        Assert.Equal(("k", "v"), (request.Inner.Tags![0].Key, request.Inner.Tags[0].Value));
    }

    [Fact]
    public async Task Query_protocol_reads_an_empty_list()
    {
        var api = new DemoApi();
        var harness = new QueryHarness(DemoQueryService.Binding("query", api));

        await harness.Post("demo", "Action=Echo&Version=2020-01-01&Name=demo&Items=");

        Assert.Empty(api.LastRequest!.Items!);
    }

    [Fact]
    public async Task Ec2_protocol_capitalizes_location_names_and_never_nests_list_members()
    {
        var api = new DemoApi();
        var harness = new QueryHarness(DemoQueryService.Binding("ec2", api));

        var response = await harness.Post("demo-ec2", "Action=Echo&Version=2020-01-01&Name=demo&Inner.Size=3&Inner.Tags.1.Key=k&Items.1.Id=one&When=1700000000");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(3, api.LastRequest!.Inner!.Size);
        Assert.Equal("k", api.LastRequest.Inner.Tags![0].Key);
        Assert.Equal("one", api.LastRequest.Items![0].Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), api.LastRequest.When);
    }

    [Theory]
    [InlineData("&When=yesterday", "When")]
    [InlineData("&Data=%%%", "Data")]
    [InlineData("&Ratio=half", "Ratio")]
    public async Task Unreadable_values_are_refused(string extra, string parameter)
    {
        var harness = new QueryHarness(DemoQueryService.Binding("ec2", new DemoApi()));

        var response = await harness.Post("demo-ec2", "Action=Echo&Name=demo" + extra);

        var (code, message) = QueryHarness.Ec2Error(response);
        Assert.Equal("InvalidParameterValue", code);
        Assert.Contains($"parameter {parameter} is invalid", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_paths_of_list_elements_follow_the_protocol()
    {
        var ec2 = new QueryHarness(DemoQueryService.Binding("ec2", new DemoApi()));
        var query = new QueryHarness(DemoQueryService.Binding("query", new DemoApi()));

        var ec2Missing = await ec2.Post("demo-ec2", "Action=Echo&Name=demo&Items.1.Enabled=true");
        var queryMissing = await query.Post("demo", "Action=Echo&Name=demo&Items.member.1.Enabled=true");
        var ec2Range = await ec2.Post("demo-ec2", "Action=Echo&Name=demo&Count=1000");

        Assert.Equal(("MissingParameter", "The request must contain the parameter Items.1.Id"), QueryHarness.Ec2Error(ec2Missing));
        Assert.Equal("1 validation error detected: Value null at 'items.1.member.id' failed to satisfy constraint: Member must not be null", QueryHarness.QueryError(queryMissing).Message);
        Assert.Equal(("InvalidParameterValue", "Value (1000) for parameter Count is invalid. Member must have value less than or equal to 100."), QueryHarness.Ec2Error(ec2Range));
    }

    [Fact]
    public async Task Xml_output_names_members_lists_maps_and_formats_scalars()
    {
        var api = new DemoApi
        {
            Result = new EchoResult
            {
                Name = "a<b&c",
                When = new DateTimeOffset(2024, 5, 1, 10, 0, 0, 5, TimeSpan.Zero),
                Data = Encoding.UTF8.GetBytes("hi"),
                Labels = new Dictionary<string, string> { ["k"] = "v" },
                Items = [new Item { Id = "one", Enabled = true }, new Item { Id = "two", Enabled = false }],
                Flat = ["x", "y"],
                Count = 3,
                Ratio = 1.5,
                On = true,
                Inner = new Inner { Size = 2, Tags = [new Tag { Key = "t", Value = "u" }] },
            },
        };
        var ec2 = new QueryHarness(DemoQueryService.Binding("ec2", api));
        var query = new QueryHarness(DemoQueryService.Binding("query", api));

        var ec2Xml = QueryHarness.Text(await ec2.Post("demo-ec2", "Action=Echo&Name=demo"));
        var queryXml = QueryHarness.Text(await query.Post("demo", "Action=Echo&Name=demo"));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><EchoResponse xmlns=\"https://demo.example.com/doc/2020-01-01/\"><requestId>", ec2Xml, StringComparison.Ordinal);
        Assert.Contains("</requestId><EchoResult><name>a&lt;b&amp;c</name><When>2024-05-01T10:00:00.005Z</When><Data>aGk=</Data>"
            + "<Labels><entry><key>k</key><value>v</value></entry></Labels>"
            + "<itemSet><item><Id>one</Id><Enabled>true</Enabled></item><item><Id>two</Id><Enabled>false</Enabled></item></itemSet>"
            + "<Flat>x</Flat><Flat>y</Flat><Count>3</Count><Ratio>1.5</Ratio><On>true</On>"
            + "<inner><size>2</size><Tags><Tag><Key>t</Key><Value>u</Value></Tag></Tags></inner></EchoResult></EchoResponse>", ec2Xml, StringComparison.Ordinal);
        Assert.Contains("<EchoResult><name>a&lt;b&amp;c</name>", queryXml, StringComparison.Ordinal);
        Assert.Contains("<itemSet><member><Id>one</Id>", queryXml, StringComparison.Ordinal);
        Assert.Contains("</EchoResult><ResponseMetadata><RequestId>", queryXml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_that_xml_cannot_carry_is_escaped_or_replaced()
    {
        var api = new DemoApi { Result = new EchoResult { Name = "a\rb\u0001c\"'" } };
        var harness = new QueryHarness(DemoQueryService.Binding("query", api));

        var response = await harness.Post("demo", "Action=Echo&Name=demo");

        var root = QueryHarness.Xml(response);
        Assert.Equal("a\rb\uFFFDc\"'", root.Descendants(root.Name.Namespace + "name").Single().Value);
    }
}
