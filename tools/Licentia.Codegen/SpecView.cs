using System.Text.Json;

namespace Licentia.Codegen;

/// <summary>
/// Read-only access to a service-2.json, with shapes and operations in ordinal name order so the output
/// does not depend on the order of the model file.
/// </summary>
internal sealed class SpecView
{
    private readonly Dictionary<string, JsonElement> _shapes = new(StringComparer.Ordinal);

    public SpecView(JsonElement root)
    {
        foreach (var shape in root.GetProperty("shapes").EnumerateObject())
        {
            _shapes[shape.Name] = shape.Value;
        }

        Shapes = [.. _shapes.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value))];
        Operations = [.. root.GetProperty("operations").EnumerateObject()
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => (o.Name, o.Value))];
    }

    public IReadOnlyList<(string Name, JsonElement Shape)> Shapes { get; }

    public IReadOnlyList<(string Name, JsonElement Operation)> Operations { get; }

    public JsonElement Shape(string name) =>
        _shapes.TryGetValue(name, out var shape) ? shape : throw new InvalidDataException($"The model references shape '{name}', which it does not define.");

    public static bool IsError(JsonElement shape) =>
        (shape.TryGetProperty("exception", out var exception) && exception.ValueKind == JsonValueKind.True)
        || shape.TryGetProperty("error", out _);
}
