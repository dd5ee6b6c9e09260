using Licentia.Core.Errors;

namespace Licentia.Core.Accounts;

/// <summary>Account names: 1 to 50 characters of ASCII letters, digits, '-', '_' and '.', so they are safe in logs, URLs and file names.</summary>
public static class AccountNameRules
{
    public const int MaxLength = 50;

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxLength
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static void Validate(string? name)
    {
        if (!IsValid(name))
        {
            throw new InvalidParameterValueException(
                $"Account name '{name}' is not valid: use 1 to {MaxLength} characters of letters, digits, '-', '_' and '.'.");
        }
    }
}
