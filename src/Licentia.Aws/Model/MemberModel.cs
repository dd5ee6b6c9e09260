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
}
