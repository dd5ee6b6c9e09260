using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;

namespace Licentia.Core.Entitlements.Licenses;

/// <summary><c>arn:aws:license-manager::&lt;issuer account&gt;:license:l-&lt;32 lowercase hex&gt;</c> (no Region).</summary>
public readonly record struct LicenseArn(string AccountId, string Id)
{
    public const string Kind = "license";
    public const string IdPrefix = "l-";

    public static string NewId(IRandomSource random) => GlobalResourceArn.NewId(random, IdPrefix);

    public static string Format(string accountId, string id) => new LicenseArn(accountId, id).ToString();

    public static bool TryParse([NotNullWhen(true)] string? text, out LicenseArn arn)
    {
        var ok = GlobalResourceArn.TryParse(text, Kind, IdPrefix, out var account, out var id);
        arn = ok ? new LicenseArn(account, id) : default;
        return ok;
    }

    /// <summary>Parses or throws <see cref="InvalidParameterValueException"/> that shows the expected form.</summary>
    public static LicenseArn Parse(string? text, string parameterName = "LicenseArn") =>
        TryParse(text, out var arn)
            ? arn
            : throw new InvalidParameterValueException(
                $"{parameterName} '{text}' is not a valid license ARN. Expected arn:aws:license-manager::<12-digit account>:license:l-<32 lowercase hex characters>.");

    public override string ToString() => GlobalResourceArn.Format(AccountId, Kind, Id);
}
