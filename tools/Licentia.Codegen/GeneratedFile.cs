namespace Licentia.Codegen;

/// <summary>One file the generator produces, with its path relative to the repository root.</summary>
/// <param name="RelativePath">Forward-slash path from the repository root, e.g. src/Licentia.Aws/Generated/LicenseManager/Shapes.g.cs.</param>
/// <param name="Content">The full text, always with "\n" line endings so output is identical on every OS.</param>
public sealed record GeneratedFile(string RelativePath, string Content);
