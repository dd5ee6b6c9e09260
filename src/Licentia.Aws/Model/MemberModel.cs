namespace Licentia.Aws.Model;

/// <summary>A member of a structure shape: its wire name and target shape.</summary>
public sealed class MemberModel
{
    internal MemberModel(string name, string shapeName, bool isRequired, bool isIdempotencyToken)
    {
        Name = name;
        ShapeName = shapeName;
        IsRequired = isRequired;
        IsIdempotencyToken = isIdempotencyToken;
    }

    /// <summary>The member's name on the wire (and the generated property's name).</summary>
    public string Name { get; }

    public string ShapeName { get; }

    /// <summary>The target shape; set once the whole model is read (shapes may refer to each other in any order).</summary>
    public ShapeModel Shape { get; internal set; } = null!;

    public bool IsRequired { get; }

    /// <summary>Whether the model marks this member as an idempotency token.</summary>
    public bool IsIdempotencyToken { get; }

    /// <summary>The member's locationName: its XML element name, and (capitalized for EC2) its query parameter name.</summary>
    public string? LocationName { get; internal init; }

    /// <summary>The member's queryName: its parameter name in EC2 requests, ahead of any locationName.</summary>
    public string? QueryName { get; internal init; }

    /// <summary>Whether the member reference marks its list or map as flattened (query/XML protocols).</summary>
    public bool IsFlattened { get; internal init; }
}
