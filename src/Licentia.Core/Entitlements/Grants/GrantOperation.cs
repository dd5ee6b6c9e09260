using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;

namespace Licentia.Core.Entitlements.Grants;

/// <summary>The model's AllowedOperation: what a grantee may do with the granted license.</summary>
public enum GrantOperation
{
    CreateGrant,
    CheckoutLicense,
    CheckoutBorrowLicense,
    CheckInLicense,
    ExtendConsumptionLicense,
    ListPurchasedLicenses,
    CreateToken,
}

/// <summary>Wire names equal the C# names (CreateGrant, CheckoutLicense, …), spelled out so a rename cannot change them.</summary>
public static class GrantOperationNames
{
    public static IReadOnlyList<string> All { get; } =
        ["CreateGrant", "CheckoutLicense", "CheckoutBorrowLicense", "CheckInLicense", "ExtendConsumptionLicense", "ListPurchasedLicenses", "CreateToken"];

    public static string ToWire(GrantOperation operation) =>
        (int)operation >= 0 && (int)operation < All.Count ? All[(int)operation] : throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation.");

    public static bool TryParse([NotNullWhen(true)] string? text, out GrantOperation operation)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == text)
            {
                operation = (GrantOperation)i;
                return true;
            }
        }

        operation = default;
        return false;
    }

    /// <summary>Parses a list, keeping the first occurrence of each operation in the order given.</summary>
    public static IReadOnlyList<GrantOperation> ParseAll(IReadOnlyList<string>? texts, string parameterName = "AllowedOperations")
    {
        if (texts is null || texts.Count == 0)
        {
            throw new InvalidParameterValueException($"{parameterName} is empty; give at least one of {string.Join(", ", All)}.");
        }

        return
        [
            .. texts.Select(t => TryParse(t, out var op)
                ? op
                : throw new InvalidParameterValueException($"{parameterName} member '{t}' is not valid. Allowed values: {string.Join(", ", All)}."))
                .Distinct(),
        ];
    }
}
