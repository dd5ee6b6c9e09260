using Licentia.Core.Errors;
using Licentia.Core.Identifiers;
using Licentia.Core.LicenseConfigurations.Rules;

namespace Licentia.Core.LicenseConfigurations.Products;

/// <summary>
/// Checks ProductInformationList against <see cref="ProductInformationTable"/> and the constraints the
/// user guide sets for Amazon RDS databases ("Considerations for Amazon RDS for Oracle"): counting
/// type vCPU, no rules, no hard limit, one product version per configuration, and no other products
/// in the same configuration.
/// </summary>
public static class ProductInformationValidator
{
    public static void Validate(
        IReadOnlyList<ProductInformation>? products,
        LicenseCountingType countingType,
        bool hardLimit,
        LicenseRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (products is null || products.Count == 0)
        {
            return;
        }

        foreach (var product in products)
        {
            ValidateOne(product);
        }

        if (products.Any(p => p.ResourceType == ProductInformationTable.Rds))
        {
            ValidateRds(products, countingType, hardLimit, rules);
        }
    }

    private static void ValidateOne(ProductInformation? product)
    {
        if (product is null)
        {
            throw Invalid("ProductInformationList contains an empty entry.");
        }

        if (!ProductInformationTable.IsResourceType(product.ResourceType))
        {
            throw Invalid(
                $"ResourceType '{product.ResourceType}' is not valid. Allowed values: {string.Join(", ", ProductInformationTable.ResourceTypes)}.");
        }

        var filters = product.Filters ?? [];
        if (filters.Count == 0)
        {
            throw Invalid(
                $"ProductInformation for {product.ResourceType} has no filters; give at least one ProductInformationFilter " +
                "(a filter list that matches everything would claim every resource).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            ValidateFilter(product.ResourceType, filter);
            if (!names.Add(filter.Name))
            {
                throw Invalid(
                    $"ProductInformationFilterName '{filter.Name}' appears more than once for {product.ResourceType}; " +
                    "put all its values in one filter.");
            }
        }
    }

    private static void ValidateFilter(string resourceType, ProductInformationFilter? filter)
    {
        if (filter is null)
        {
            throw Invalid($"ProductInformationFilterList of {resourceType} contains an empty entry.");
        }

        var spec = ProductInformationTable.Find(resourceType, filter.Name)
            ?? throw Invalid(
                $"ProductInformationFilterName '{filter.Name}' is not valid for resource type {resourceType}. Allowed: " +
                string.Join(", ", ProductInformationTable.FiltersFor(resourceType).Select(f => f.Name)) + ".");

        if (!spec.Comparators.Contains(filter.Comparator))
        {
            throw Invalid(
                $"ProductInformationFilterComparator '{filter.Comparator}' is not valid for filter '{filter.Name}'. " +
                $"Allowed: {string.Join(", ", spec.Comparators)}.");
        }

        var values = filter.Values ?? [];
        if (values.Count == 0 && !spec.ValuesOptional)
        {
            throw Invalid($"Filter '{filter.Name}' needs at least one ProductInformationFilterValue.");
        }

        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw Invalid($"Filter '{filter.Name}' has an empty value; every value must be non-empty.");
            }

            if (spec.AllowedValues is not null && !spec.AllowedValues.Contains(value))
            {
                throw Invalid(
                    $"Value '{value}' is not valid for filter '{filter.Name}'. Allowed: {string.Join(" | ", spec.AllowedValues)}.");
            }

            if (spec.Name == ProductInformationTable.AccountIdFilter && !Arn.IsAccountId(value))
            {
                throw Invalid($"Value '{value}' of filter 'AccountId' is not an account id; it must be 12 digits.");
            }
        }
    }

    private static void ValidateRds(
        IReadOnlyList<ProductInformation> products,
        LicenseCountingType countingType,
        bool hardLimit,
        LicenseRuleSet rules)
    {
        if (products.Count != 1)
        {
            throw Invalid(
                "A license configuration that tracks Amazon RDS databases tracks one product only: give a single RDS " +
                "ProductInformation and no other product.");
        }

        if (countingType != LicenseCountingType.VCpu)
        {
            throw Invalid(
                $"RDS product information needs counting type {LicenseCountingTypeNames.VCpu}, " +
                $"not {LicenseCountingTypeNames.ToWire(countingType)}.");
        }

        if (!rules.IsEmpty)
        {
            throw Invalid("License rules are not supported with RDS product information; remove the LicenseRules.");
        }

        if (hardLimit)
        {
            throw Invalid("Hard license limits are not supported with RDS product information; set LicenseCountHardLimit to false.");
        }

        var filters = products[0].Filters;
        var edition = filters.FirstOrDefault(f => f.Name == ProductInformationTable.EngineEditionFilter);
        if (edition is null || edition.Values.Count != 1)
        {
            throw Invalid(
                $"RDS product information tracks one product version: give the '{ProductInformationTable.EngineEditionFilter}' " +
                "filter with exactly one value.");
        }

        var pack = filters.FirstOrDefault(f => f.Name == ProductInformationTable.LicensePackFilter);
        if (pack is not null && pack.Values.Count != 1)
        {
            throw Invalid(
                $"RDS product information tracks one product version: give the '{ProductInformationTable.LicensePackFilter}' " +
                "filter at most one value.");
        }
    }

    private static InvalidParameterValueException Invalid(string message) => new(message);
}
