using Licentia.Aws.Model;

namespace Licentia.Aws.Validation;

/// <summary>
/// How violation paths name members and list elements. The default is the AWS JSON services' wording
/// ("licenseRules.1.member"); a query protocol can name them as its clients sent them ("BlockDeviceMapping.1.Ebs").
/// </summary>
public sealed class ValidationNaming
{
    /// <summary>Camel-cased member names, list elements as "N.member".</summary>
    public static ValidationNaming Default { get; } = new()
    {
        Member = member => CamelCase(member.Name),
        ListItem = (path, index) => $"{path}.{index}.member",
    };

    /// <summary>The path segment of a structure member.</summary>
    public required Func<MemberModel, string> Member { get; init; }

    /// <summary>The path of a list element from the list's path and the element's 1-based index.</summary>
    public required Func<string, int, string> ListItem { get; init; }

    // AWS paths use the member names with a lower-case first letter: "LicenseCountingType" -> "licenseCountingType".
    private static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
