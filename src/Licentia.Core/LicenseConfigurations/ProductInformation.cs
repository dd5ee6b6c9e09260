namespace Licentia.Core.LicenseConfigurations;

/// <summary>Which resources automated discovery matches to a configuration.</summary>
public sealed record ProductInformation(string ResourceType, IReadOnlyList<ProductInformationFilter> Filters);

/// <summary>One condition of <see cref="ProductInformation"/>, e.g. Application Name EQUALS "Oracle Database".</summary>
public sealed record ProductInformationFilter(string Name, IReadOnlyList<string> Values, string Comparator);
