using System.Collections.Concurrent;
using System.Reflection;

namespace Licentia.Aws.Model;

/// <summary>
/// An AWS service model (service-2.json) loaded at run time: metadata, operations and shapes with their
/// constraints. The models ship inside this assembly as embedded resources.
/// </summary>
public sealed class ServiceModel
{
    private const string ResourcePrefix = "Licentia.Aws.Specs.";
    private const string ResourceSuffix = "service-2.json";

    private static readonly ConcurrentDictionary<string, ServiceModel> Embedded = new(StringComparer.Ordinal);

    internal ServiceModel(
        string name,
        ServiceMetadata metadata,
        IReadOnlyDictionary<string, OperationModel> operations,
        IReadOnlyDictionary<string, ShapeModel> shapes)
    {
        Name = name;
        Metadata = metadata;
        Operations = operations;
        Shapes = shapes;
    }

    /// <summary>The model's folder name under specs/aws, e.g. "license-manager".</summary>
    public string Name { get; }

    public ServiceMetadata Metadata { get; }

    /// <summary>Operations by name (ordinal).</summary>
    public IReadOnlyDictionary<string, OperationModel> Operations { get; }

    /// <summary>Shapes by name (ordinal).</summary>
    public IReadOnlyDictionary<string, ShapeModel> Shapes { get; }

    /// <summary>The names of the models embedded in this assembly, e.g. "license-manager".</summary>
    public static IReadOnlyList<string> EmbeddedModelNames { get; } = [.. typeof(ServiceModel).Assembly
        .GetManifestResourceNames()
        .Select(ModelNameOf)
        .OfType<string>()
        .Order(StringComparer.Ordinal)];

    /// <summary>Loads (once, then from cache) an embedded model by its folder name.</summary>
    /// <exception cref="ArgumentException">No such model is embedded.</exception>
    public static ServiceModel LoadEmbedded(string name) => Embedded.GetOrAdd(name, static name =>
    {
        var assembly = typeof(ServiceModel).Assembly;
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(r => ModelNameOf(r) == name)
            ?? throw new ArgumentException(
                $"No embedded model '{name}'. Embedded: {string.Join(", ", EmbeddedModelNames)}.", nameof(name));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(name, buffer.ToArray());
    });

    /// <summary>Reads a model from the bytes of a service-2.json.</summary>
    /// <exception cref="InvalidDataException">The model is malformed or refers to undefined shapes.</exception>
    public static ServiceModel Parse(string name, ReadOnlySpan<byte> json) => ServiceModelReader.Read(name, json);

    // Resource names look like "Licentia.Aws.Specs.license-manager/service-2.json"; the separator between
    // folder and file comes from MSBuild's RecursiveDir and so differs by OS.
    private static string? ModelNameOf(string resource)
    {
        if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var folder = resource[ResourcePrefix.Length..^ResourceSuffix.Length].Trim('/', '\\', '.');
        return folder.Length == 0 ? null : folder;
    }
}
