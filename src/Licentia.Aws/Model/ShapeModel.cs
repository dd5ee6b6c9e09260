using System.Text.RegularExpressions;

namespace Licentia.Aws.Model;

/// <summary>A shape of a service model with the constraints request validation enforces.</summary>
public sealed class ShapeModel
{
    private readonly Dictionary<string, MemberModel> _membersByName;

    internal ShapeModel(string name, ShapeType type, IReadOnlyList<MemberModel> members)
    {
        Name = name;
        Type = type;
        Members = members;
        _membersByName = members.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public ShapeType Type { get; }

    /// <summary>A structure's members in model order; empty for other shapes.</summary>
    public IReadOnlyList<MemberModel> Members { get; }

    /// <summary>Allowed values of an enum string shape, or null when the string is free.</summary>
    public IReadOnlyList<string>? EnumValues { get; internal init; }

    /// <summary>Minimum length (strings, blobs), size (lists, maps) or value (numbers).</summary>
    public decimal? Min { get; internal init; }

    /// <summary>Maximum length (strings, blobs), size (lists, maps) or value (numbers).</summary>
    public decimal? Max { get; internal init; }

    /// <summary>The pattern a string must contain a match of (AWS patterns are not implicitly anchored).</summary>
    public string? Pattern { get; internal init; }

    /// <summary>The compiled pattern, or null when there is none or .NET cannot parse it (then it is not enforced).</summary>
    internal Regex? PatternRegex { get; init; }

    /// <summary>The element of a list shape.</summary>
    public MemberModel? ListMember { get; internal init; }

    /// <summary>The key of a map shape.</summary>
    public MemberModel? MapKey { get; internal init; }

    /// <summary>The value of a map shape.</summary>
    public MemberModel? MapValue { get; internal init; }

    /// <summary>Whether values of this shape are secret; validation messages then leave the value out, as AWS does.</summary>
    public bool IsSensitive { get; internal init; }

    /// <summary>Whether this structure is an error shape.</summary>
    public bool IsError { get; internal init; }

    /// <summary>Whether this error shape is a server fault (HTTP 5xx) rather than a client error.</summary>
    public bool IsFault { get; internal init; }

    /// <summary>The HTTP status the model declares for this error shape, if any.</summary>
    public int? HttpStatusCode { get; internal init; }

    /// <summary>
    /// The code an error shape has on the wire: the model's error.code (query services such as STS name
    /// MalformedPolicyDocumentException "MalformedPolicyDocument"), else the shape's name.
    /// </summary>
    public string ErrorCode { get; internal init; } = "";

    /// <summary>Whether a list or map shape is flattened (query/XML protocols: no wrapping member/entry elements).</summary>
    public bool IsFlattened { get; internal init; }

    public MemberModel? FindMember(string name) => _membersByName.GetValueOrDefault(name);
}
