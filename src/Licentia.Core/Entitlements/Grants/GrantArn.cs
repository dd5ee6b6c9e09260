using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;

namespace Licentia.Core.Entitlements.Grants;

/// <summary><c>arn:aws:license-manager::&lt;grantor account&gt;:grant:g-&lt;32 lowercase hex&gt;</c> (no Region).</summary>
public readonly record struct GrantArn(string AccountId, string Id)
{
    public const string Kind = "grant";
    public const string IdPrefix = "g-";

    public static string NewId(IRandomSource random) => GlobalResourceArn.NewId(random, IdPrefix);

    public static string Format(string accountId, string id) => new GrantArn(accountId, id).ToString();

    public static bool TryParse([NotNullWhen(true)] string? text, out GrantArn arn)
    {
        var ok = GlobalResourceArn.TryParse(text, Kind, IdPrefix, out var account, out var id);
        arn = ok ? new GrantArn(account, id) : default;
        return ok;
    }

    /// <summary>Parses or throws <see cref="InvalidParameterValueException"/> that shows the expected form.</summary>
    public static GrantArn Parse(string? text, string parameterName = "GrantArn") =>
        TryParse(text, out var arn)
            ? arn
            : throw new InvalidParameterValueException(
                $"{parameterName} '{text}' is not a valid grant ARN. Expected arn:aws:license-manager::<12-digit account>:grant:g-<32 lowercase hex characters>.");

    public override string ToString() => GlobalResourceArn.Format(AccountId, Kind, Id);
}
