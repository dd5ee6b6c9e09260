using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;

namespace Licentia.Core.LicenseConfigurations;

/// <summary>
/// <c>arn:aws:license-manager:&lt;region&gt;:&lt;account&gt;:license-configuration:lic-&lt;32 lowercase hex&gt;</c>.
/// </summary>
public readonly record struct LicenseConfigurationArn(string Region, string AccountId, string Id)
{
    public const string Partition = "aws";
    public const string Service = "license-manager";
    public const string ResourcePrefix = "license-configuration:";
    public const string IdPrefix = "lic-";
    private const int IdHexLength = 32;

    public Scope Scope => new(AccountId, Region);

    public static LicenseConfigurationArn For(Scope scope, string id) => new(scope.Region, scope.AccountId, id);

    public static string Format(Scope scope, string id) => For(scope, id).ToString();

    /// <summary>A new id, <c>lic-</c> and 128 random bits in lowercase hex.</summary>
    public static string NewId(IRandomSource random) => IdPrefix + RandomText.Create(random, RandomText.LowerHex, IdHexLength);

    public static bool IsId([NotNullWhen(true)] string? text) =>
        text is { Length: 4 + IdHexLength }
        && text.StartsWith(IdPrefix, StringComparison.Ordinal)
        && text.AsSpan(IdPrefix.Length).ContainsOnlyLowerHex();

    public static bool TryParse([NotNullWhen(true)] string? text, out LicenseConfigurationArn arn)
    {
        arn = default;
        if (!Arn.TryParse(text, out var generic)
            || generic.Partition != Partition
            || generic.Service != Service
            || generic.Region.Length == 0
            || generic.AccountId.Length == 0
            || !generic.Resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var id = generic.Resource[ResourcePrefix.Length..];
        if (!IsId(id))
        {
            return false;
        }

        arn = new LicenseConfigurationArn(generic.Region, generic.AccountId, id);
        return true;
    }

    /// <summary>Parses or throws <see cref="InvalidParameterValueException"/> that shows the expected form.</summary>
    public static LicenseConfigurationArn Parse(string? text, string parameterName = "LicenseConfigurationArn")
    {
        if (TryParse(text, out var arn))
        {
            return arn;
        }

        throw new InvalidParameterValueException(
            $"{parameterName} '{text}' is not a valid license configuration ARN. Expected " +
            "arn:aws:license-manager:<region>:<12-digit account>:license-configuration:lic-<32 lowercase hex characters>.");
    }

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{AccountId}:{ResourcePrefix}{Id}";
}

file static class HexSpanExtensions
{
    public static bool ContainsOnlyLowerHex(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
