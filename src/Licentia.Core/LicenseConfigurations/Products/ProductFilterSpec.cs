namespace Licentia.Core.LicenseConfigurations.Products;

/// <summary>
/// What one product-information filter accepts: its comparators, and its values when the model
/// fixes them. <see cref="AllowedValues"/> null means free text.
/// </summary>
public sealed record ProductFilterSpec(
    string Name,
    IReadOnlyList<string> Comparators,
    IReadOnlyList<string>? AllowedValues = null,
    bool ValuesOptional = false);
