using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Licentia.Aws.Model;

/// <summary>Parses service-2.json into the immutable model objects, resolving shape references in a second pass.</summary>
internal static class ServiceModelReader
{
    // Patterns come from the model, never from callers; the timeout only guards against a pathological pattern.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    public static ServiceModel Read(string name, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        try
        {
            var shapes = new Dictionary<string, ShapeModel>(StringComparer.Ordinal);
            foreach (var shape in root.GetProperty("shapes").EnumerateObject())
            {
                shapes[shape.Name] = ReadShape(shape.Name, shape.Value);
            }

            foreach (var shape in shapes.Values)
            {
                foreach (var member in shape.Members.Append(shape.ListMember).Append(shape.MapKey).Append(shape.MapValue).OfType<MemberModel>())
                {
                    member.Shape = Resolve(shapes, member.ShapeName);
                }
            }

            var operations = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
            foreach (var operation in root.GetProperty("operations").EnumerateObject())
            {
                var op = operation.Value;
                var errors = op.TryGetProperty("errors", out var list)
                    ? list.EnumerateArray().Select(e => Resolve(shapes, ShapeRef(e))).ToList()
                    : [];
                operations[operation.Name] = new OperationModel(
                    name,
                    operation.Name,
                    op.TryGetProperty("input", out var input) ? Resolve(shapes, ShapeRef(input)) : null,
                    op.TryGetProperty("output", out var output) ? Resolve(shapes, ShapeRef(output)) : null,
                    errors)
                {
                    ResultWrapper = op.TryGetProperty("output", out var outputRef) ? OptionalString(outputRef, "resultWrapper") : null,
                    RequiresAuthentication = OptionalString(op, "authtype") != "none",
                };
            }

            return new ServiceModel(name, ReadMetadata(root.GetProperty("metadata")), operations, shapes);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The service model '{name}' is malformed: {e.Message}", e);
        }
    }

    private static ServiceMetadata ReadMetadata(JsonElement metadata)
    {
        var endpointPrefix = metadata.GetProperty("endpointPrefix").GetString()!;
        return new ServiceMetadata(
            ServiceId: metadata.GetProperty("serviceId").GetString()!,
            ServiceFullName: metadata.GetProperty("serviceFullName").GetString()!,
            ApiVersion: metadata.GetProperty("apiVersion").GetString()!,
            EndpointPrefix: endpointPrefix,
            Protocol: metadata.GetProperty("protocol").GetString()!,
            TargetPrefix: OptionalString(metadata, "targetPrefix"),
            SigningName: OptionalString(metadata, "signingName") ?? endpointPrefix,
            JsonVersion: OptionalString(metadata, "jsonVersion"))
        {
            XmlNamespace = OptionalString(metadata, "xmlNamespace"),
        };
    }

    private static ShapeModel ReadShape(string name, JsonElement shape)
    {
        var type = ParseType(name, shape.GetProperty("type").GetString()!);
        var required = shape.TryGetProperty("required", out var requiredList)
            ? requiredList.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        var members = shape.TryGetProperty("members", out var memberList)
            ? memberList.EnumerateObject().Select(m => new MemberModel(
                m.Name,
                ShapeRef(m.Value),
                required.Contains(m.Name),
                m.Value.TryGetProperty("idempotencyToken", out var token) && token.ValueKind == JsonValueKind.True)
            {
                LocationName = OptionalString(m.Value, "locationName"),
                QueryName = OptionalString(m.Value, "queryName"),
                IsFlattened = IsTrue(m.Value, "flattened"),
            }).ToList()
            : [];
        var pattern = OptionalString(shape, "pattern");
        return new ShapeModel(name, type, members)
        {
            EnumValues = shape.TryGetProperty("enum", out var values) ? [.. values.EnumerateArray().Select(v => v.GetString()!)] : null,
            Min = OptionalNumber(shape, "min"),
            Max = OptionalNumber(shape, "max"),
            Pattern = pattern,
            PatternRegex = pattern is null ? null : CompilePattern(pattern),
            ListMember = type == ShapeType.List ? Reference(shape, "member") : null,
            MapKey = type == ShapeType.Map ? Reference(shape, "key") : null,
            MapValue = type == ShapeType.Map ? Reference(shape, "value") : null,
            IsSensitive = IsTrue(shape, "sensitive"),
            IsError = IsTrue(shape, "exception") || shape.TryGetProperty("error", out _),
            IsFault = IsTrue(shape, "fault"),
            HttpStatusCode = shape.TryGetProperty("error", out var error) && error.TryGetProperty("httpStatusCode", out var status)
                ? status.GetInt32()
                : null,
            ErrorCode = shape.TryGetProperty("error", out var errorTrait) ? OptionalString(errorTrait, "code") ?? name : name,
            IsFlattened = IsTrue(shape, "flattened"),
        };
    }

    private static ShapeType ParseType(string shape, string type) => type switch
    {
        "structure" => ShapeType.Structure,
        "list" => ShapeType.List,
        "map" => ShapeType.Map,
        "string" => ShapeType.String,
        "integer" => ShapeType.Integer,
        "long" => ShapeType.Long,
        "double" => ShapeType.Double,
        "float" => ShapeType.Float,
        "boolean" => ShapeType.Boolean,
        "timestamp" => ShapeType.Timestamp,
        "blob" => ShapeType.Blob,
        "document" => ShapeType.Document,
        _ => throw new InvalidDataException($"Shape {shape} has unsupported type '{type}'."),
    };

    private static Regex? CompilePattern(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            // A pattern in a dialect .NET does not read is skipped rather than failing the whole model.
            return null;
        }
    }

    private static MemberModel Reference(JsonElement shape, string property) =>
        new(property, ShapeRef(shape.GetProperty(property)), isRequired: false, isIdempotencyToken: false)
        {
            LocationName = OptionalString(shape.GetProperty(property), "locationName"),
        };

    private static string ShapeRef(JsonElement reference) => reference.GetProperty("shape").GetString()!;

    private static ShapeModel Resolve(Dictionary<string, ShapeModel> shapes, string name) =>
        shapes.TryGetValue(name, out var shape) ? shape : throw new InvalidDataException($"Shape '{name}' is referenced but not defined.");

    private static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? OptionalNumber(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    private static bool IsTrue(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
