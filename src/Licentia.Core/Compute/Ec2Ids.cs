using System.Diagnostics.CodeAnalysis;
using Licentia.Core.Identifiers;

namespace Licentia.Core.Compute;

/// <summary>
/// EC2 resource ids (<c>ami-</c>, <c>i-</c>, <c>h-</c>, <c>lt-</c>, <c>r-</c> followed by 17 lowercase hex
/// characters, the long id format EC2 uses) and the ARNs License Manager takes for them.
/// </summary>
public static class Ec2Ids
{
    public const string ImagePrefix = "ami-";
    public const string InstancePrefix = "i-";
    public const string HostPrefix = "h-";
    public const string LaunchTemplatePrefix = "lt-";
    public const string ReservationPrefix = "r-";
    public const int HexLength = 17;

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static string NewId(string prefix, IRandomSource random) => prefix + RandomText.Create(random, RandomText.LowerHex, HexLength);

    /// <summary>True for a prefix followed by 8 (the short form of older resources) or 17 lowercase hex characters.</summary>
    public static bool IsId(string prefix, [NotNullWhen(true)] string? text)
    {
        if (text is null || !text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var hex = text.AsSpan(prefix.Length);
        return (hex.Length == HexLength || hex.Length == 8) && !hex.ContainsAnyExcept(LowerHex);
    }

    /// <summary>AMI ARNs carry no account: <c>arn:aws:ec2:&lt;region&gt;::image/ami-…</c>.</summary>
    public static string ImageArn(string region, string imageId) => $"arn:aws:ec2:{region}::image/{imageId}";

    public static string InstanceArn(Scope scope, string instanceId) => $"arn:aws:ec2:{scope.Region}:{scope.AccountId}:instance/{instanceId}";

    public static string HostArn(Scope scope, string hostId) => $"arn:aws:ec2:{scope.Region}:{scope.AccountId}:dedicated-host/{hostId}";
}
