namespace Licentia.Aws.Model;

/// <summary>The kinds of shape an AWS service model uses.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the model's own type names.")]
public enum ShapeType
{
    Structure,
    List,
    Map,
    String,
    Integer,
    Long,
    Double,
    Float,
    Boolean,
    Timestamp,
    Blob,
    Document,
}
