using Licentia.Aws.Model;
using Licentia.Aws.Query;

namespace Licentia.Aws.Tests.Query;

/// <summary>
/// A small model with every shape kind the vendored EC2 and STS models leave out of their inputs (maps, timestamps,
/// blobs, doubles, flattened lists, list members with their own names), served as "query" and as "ec2", with
/// hand-written DTOs named after its shapes as the generator would name them.
/// </summary>
public static class DemoQueryService
{
    public static string ModelJson(string protocol) => """
        {"metadata":{"apiVersion":"2020-01-01","endpointPrefix":"PREFIX","protocol":"PROTOCOL","serviceId":"Demo","serviceFullName":"Demo",
                     "signatureVersion":"v4","xmlNamespace":"https://demo.example.com/doc/2020-01-01/","uid":"demo-2020-01-01"},
         "operations":{"Echo":{"name":"Echo","http":{"method":"POST","requestUri":"/"},"input":{"shape":"EchoRequest"},
                               "output":{"shape":"EchoResult","resultWrapper":"EchoResult"}}},
         "shapes":{
           "EchoRequest":{"type":"structure","required":["Name"],"members":{
             "Name":{"shape":"NameType"},
             "When":{"shape":"Time"},
             "Data":{"shape":"Bytes"},
             "Labels":{"shape":"LabelMap"},
             "Items":{"shape":"ItemList"},
             "Flat":{"shape":"FlatList"},
             "Count":{"shape":"Int"},
             "Ratio":{"shape":"Dbl"},
             "On":{"shape":"Bool"},
             "Color":{"shape":"Color"},
             "Inner":{"shape":"Inner","locationName":"inner"}}},
           "EchoResult":{"type":"structure","members":{
             "Name":{"shape":"NameType","locationName":"name"},
             "When":{"shape":"Time"},
             "Data":{"shape":"Bytes"},
             "Labels":{"shape":"LabelMap"},
             "Items":{"shape":"ItemList","locationName":"itemSet"},
             "Flat":{"shape":"FlatList"},
             "Count":{"shape":"Int"},
             "Ratio":{"shape":"Dbl"},
             "On":{"shape":"Bool"},
             "Inner":{"shape":"Inner","locationName":"inner"}}},
           "Inner":{"type":"structure","members":{"Size":{"shape":"Int","locationName":"size"},"Tags":{"shape":"TagList"}}},
           "Item":{"type":"structure","required":["Id"],"members":{"Id":{"shape":"NameType"},"Enabled":{"shape":"Bool"}}},
           "Tag":{"type":"structure","members":{"Key":{"shape":"Str"},"Value":{"shape":"Str"}}},
           "ItemList":{"type":"list","member":{"shape":"Item"}},
           "TagList":{"type":"list","member":{"shape":"Tag","locationName":"Tag"}},
           "FlatList":{"type":"list","member":{"shape":"Str"},"flattened":true},
           "LabelMap":{"type":"map","key":{"shape":"Str"},"value":{"shape":"Str"}},
           "NameType":{"type":"string","min":2,"max":10},
           "Color":{"type":"string","enum":["red","green"]},
           "Str":{"type":"string"},
           "Int":{"type":"integer","min":1,"max":100},
           "Dbl":{"type":"double"},
           "Bool":{"type":"boolean"},
           "Time":{"type":"timestamp"},
           "Bytes":{"type":"blob"}}}
        """.Replace("PROTOCOL", protocol, StringComparison.Ordinal).Replace("PREFIX", SigningName(protocol), StringComparison.Ordinal);

    public static string SigningName(string protocol) => protocol == "ec2" ? "demo-ec2" : "demo";

    public static ServiceModel Model(string protocol) => ServiceModel.Parse("demo-" + protocol, System.Text.Encoding.UTF8.GetBytes(ModelJson(protocol)));

    public static QueryServiceBinding Binding(string protocol, DemoApi api) =>
        QueryServiceBinding.Create(Model(protocol), [new OperationDescriptor("Echo", typeof(EchoRequest), typeof(EchoResult), [])], _ => api);

    /// <summary>Writes the model to a file for botocore.</summary>
    public static string ModelFile(string protocol)
    {
        var path = Path.Combine(Path.GetTempPath(), $"licentia-demo-{protocol}-{Environment.ProcessId}.json");
        File.WriteAllText(path, ModelJson(protocol));
        return path;
    }
}

public sealed class DemoApi
{
    public EchoRequest? LastRequest { get; private set; }

    public EchoResult? Result { get; set; }

    public Task<EchoResult> Echo(EchoRequest request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        return Task.FromResult(Result ?? new EchoResult());
    }
}

public sealed class EchoRequest
{
    public string? Name { get; set; }

    public DateTimeOffset? When { get; set; }

    public byte[]? Data { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public List<Item>? Items { get; set; }

    public List<string>? Flat { get; set; }

    public int? Count { get; set; }

    public double? Ratio { get; set; }

    public bool? On { get; set; }

    public string? Color { get; set; }

    public Inner? Inner { get; set; }
}

public sealed class EchoResult
{
    public string? Name { get; set; }

    public DateTimeOffset? When { get; set; }

    public byte[]? Data { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public List<Item>? Items { get; set; }

    public List<string>? Flat { get; set; }

    public int? Count { get; set; }

    public double? Ratio { get; set; }

    public bool? On { get; set; }

    public Inner? Inner { get; set; }
}

public sealed class Inner
{
    public int? Size { get; set; }

    public List<Tag>? Tags { get; set; }
}

public sealed class Item
{
    public string? Id { get; set; }

    public bool? Enabled { get; set; }
}

public sealed class Tag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}
