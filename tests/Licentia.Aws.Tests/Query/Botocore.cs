using System.Diagnostics;
using System.Text.Json;

namespace Licentia.Aws.Tests.Query;

/// <summary>
/// Runs botocore in-process (python3): its own query/EC2 serializers write request bodies and its own response
/// parsers read our XML, so the wire format is checked against the client nobody here wrote.
/// </summary>
public static class Botocore
{
    private const string Script = """
import base64, datetime, json, sys
from urllib.parse import urlencode
from botocore.model import ServiceModel
from botocore.serialize import create_serializer
from botocore.parsers import create_parser

commands = json.load(open(sys.argv[1]))
models = {}

def model(path):
    if path not in models:
        models[path] = ServiceModel(json.load(open(path)))
    return models[path]

def plain(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    raise TypeError(type(value))

out = []
for command in commands:
    service = model(command["model"])
    operation = service.operation_model(command["operation"])
    if command["kind"] == "serialize":
        request = create_serializer(service.metadata["protocol"]).serialize_to_request(command["params"], operation)
        out.append({"body": urlencode(list(request["body"].items()), doseq=True),
                    "contentType": request["headers"]["Content-Type"]})
    else:
        parser = create_parser(service.metadata["protocol"])
        response = {"body": command["xml"].encode(), "headers": {}, "status_code": command["status"]}
        parsed = parser.parse(response, operation.output_shape)
        out.append(json.loads(json.dumps(parsed, default=plain)))
json.dump(out, sys.stdout)
""";

    /// <summary>botocore's form body for each (model file, operation, parameters).</summary>
    public static async Task<IReadOnlyList<string>> SerializeAsync(params (string ModelPath, string Operation, object Parameters)[] requests)
    {
        var results = await RunAsync(requests.Select(r => (object)new { kind = "serialize", model = r.ModelPath, operation = r.Operation, @params = r.Parameters }));
        Assert.All(results, r => Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", r.GetProperty("contentType").GetString()));
        return [.. results.Select(r => r.GetProperty("body").GetString()!)];
    }

    /// <summary>botocore's parse of each (model file, operation, XML, status): the dict a boto3 caller would get.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ParseAsync(params (string ModelPath, string Operation, string Xml, int Status)[] responses) =>
        await RunAsync(responses.Select(r => (object)new { kind = "parse", model = r.ModelPath, operation = r.Operation, xml = r.Xml, status = r.Status }));

    public static string SpecPath(string service) =>
        Path.Combine(Licentia.Codegen.CodegenRunner.FindRepositoryRoot(AppContext.BaseDirectory), "specs", "aws", service, "service-2.json");

    private static async Task<IReadOnlyList<JsonElement>> RunAsync(IEnumerable<object> commands)
    {
        var id = Guid.NewGuid().ToString("N");
        var scriptPath = Path.Combine(Path.GetTempPath(), $"licentia-botoquery-{id}.py");
        var inputPath = Path.Combine(Path.GetTempPath(), $"licentia-botoquery-{id}.json");
        await File.WriteAllTextAsync(scriptPath, Script);
        await File.WriteAllTextAsync(inputPath, JsonSerializer.Serialize(commands.ToList()));
        try
        {
            var start = new ProcessStartInfo("python3", [scriptPath, inputPath]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await stderr);
            using var document = JsonDocument.Parse(await stdout);
            return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
        }
        finally
        {
            File.Delete(scriptPath);
            File.Delete(inputPath);
        }
    }
}
