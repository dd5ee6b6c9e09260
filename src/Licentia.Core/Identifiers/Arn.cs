using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Errors;

namespace Licentia.Core.Identifiers;

/// <summary>
/// An Amazon Resource Name: <c>arn:partition:service:region:account:resource</c>. Region and account
/// may be empty (global services); the resource keeps any further colons, e.g.
/// <c>license-configuration:lic-…</c>.
/// </summary>
public sealed record Arn(string Partition, string Service, string Region, string AccountId, string Resource)
{
    private const int MaxLength = 2048;

    /// <summary>Parses strictly; throws <see cref="InvalidParameterValueException"/> naming what is wrong.</summary>
    public static Arn Parse(string? text, string parameterName = "ARN")
    {
        if (TryParse(text, out var arn, out var problem))
        {
            return arn;
        }

        throw new InvalidParameterValueException($"{parameterName} '{text}' is not a valid ARN: {problem}.");
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Arn? arn) =>
        TryParse(text, out arn, out _);

    private static bool TryParse(string? text, [NotNullWhen(true)] out Arn? arn, out string problem)
    {
        arn = null;
        if (string.IsNullOrEmpty(text))
        {
            problem = "it is empty";
            return false;
        }

        if (text.Length > MaxLength)
        {
            problem = $"it is longer than {MaxLength} characters";
            return false;
        }

        var parts = text.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn")
        {
            problem = "expected arn:<partition>:<service>:<region>:<account>:<resource>";
            return false;
        }

        var (partition, service, region, account, resource) = (parts[1], parts[2], parts[3], parts[4], parts[5]);
        if (!IsPartition(partition))
        {
            problem = $"the partition '{partition}' must be 'aws' or 'aws-<name>' in lowercase";
            return false;
        }

        if (!IsLowerToken(service))
        {
            problem = $"the service '{service}' must be lowercase letters, digits and '-'";
            return false;
        }

        if (region.Length > 0 && !IsLowerToken(region))
        {
            problem = $"the region '{region}' must be lowercase letters, digits and '-'";
            return false;
        }

        if (account.Length > 0 && !IsAccountId(account))
        {
            problem = $"the account '{account}' must be 12 digits";
            return false;
        }

        if (resource.Length == 0 || resource.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problem = "the resource part must be present and contain no spaces or control characters";
            return false;
        }

        arn = new Arn(partition, service, region, account, resource);
        problem = string.Empty;
        return true;
    }

    public static bool IsAccountId(string? text) => text is { Length: 12 } && text.All(char.IsAsciiDigit);

    private static bool IsPartition(string text) =>
        text == "aws" || (text.StartsWith("aws-", StringComparison.Ordinal) && IsLowerToken(text));

    private static bool IsLowerToken(string text) =>
        text.Length > 0
        && text[0] != '-'
        && text[^1] != '-'
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{AccountId}:{Resource}";
}
