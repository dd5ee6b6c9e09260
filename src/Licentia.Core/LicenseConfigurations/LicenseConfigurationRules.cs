using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations.Products;
using Licentia.Core.LicenseConfigurations.Rules;

namespace Licentia.Core.LicenseConfigurations;

/// <summary>
/// Checks of single members and of a whole configuration. The whole-configuration check runs on the
/// result of every create and update, so a change that is fine alone but not in combination (a hard
/// limit on an RDS configuration) is refused too.
/// </summary>
public static class LicenseConfigurationRules
{
    /// <summary>The guide sets no limit; 256 matches the other License Manager names (report generators, tokens).</summary>
    public const int MaxNameLength = 256;

    /// <summary>The guide sets no limit; 1024 leaves room for a real description without unbounded rows.</summary>
    public const int MaxDescriptionLength = 1024;

    public static void ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw new InvalidParameterValueException(
                $"Name '{name}' is not valid: it must be 1 to {MaxNameLength} characters, not only spaces, without control characters.");
        }
    }

    public static void ValidateDescription(string? description)
    {
        if (description is not null && (description.Length > MaxDescriptionLength || description.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
        {
            throw new InvalidParameterValueException(
                $"Description is not valid: it must be at most {MaxDescriptionLength} characters without control characters other than line breaks and tabs.");
        }
    }

    public static void ValidateLicenseCount(long? count)
    {
        if (count < 0)
        {
            throw new InvalidParameterValueException($"LicenseCount {count} is not valid: it must be 0 or more (or omitted for no limit).");
        }
    }

    public static void ValidateLicenseExpiry(long? expiry)
    {
        if (expiry <= 0)
        {
            throw new InvalidParameterValueException($"LicenseExpiry {expiry} is not valid: it must be a positive time stamp.");
        }
    }

    public static void ValidateCountingType(LicenseCountingType type)
    {
        if (!Enum.IsDefined(type))
        {
            throw new InvalidParameterValueException(
                $"LicenseCountingType is not valid. Allowed values: {string.Join(", ", LicenseCountingTypeNames.All)}.");
        }
    }

    /// <summary>Checks every member and their combinations; returns the typed rules.</summary>
    public static LicenseRuleSet Validate(LicenseConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ValidateName(configuration.Name);
        ValidateDescription(configuration.Description);
        ValidateCountingType(configuration.CountingType);
        ValidateLicenseCount(configuration.LicenseCount);
        ValidateLicenseExpiry(configuration.LicenseExpiry);
        var rules = LicenseRuleParser.Parse(configuration.Rules, configuration.CountingType);
        ProductInformationValidator.Validate(
            configuration.ProductInformation, configuration.CountingType, configuration.LicenseCountHardLimit, rules);
        return rules;
    }
}
