namespace Licentia.Core.Tagging;

/// <summary>A key and value attached to a resource.</summary>
public sealed record Tag(string Key, string Value);
