using System.Globalization;

namespace Licentia.Aws.Auth;

/// <summary>The ISO-8601 basic format SigV4 uses for timestamps, and the HTTP date it also accepts.</summary>
internal static class AmzDate
{
    private const string BasicFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const string DateOnlyFormat = "yyyyMMdd";

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(BasicFormat, CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(DateOnlyFormat, CultureInfo.InvariantCulture);

    public static bool TryParse(string value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(
            value, BasicFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    /// <summary>The RFC 1123 form of the Date header, used when X-Amz-Date is absent.</summary>
    public static bool TryParseHttpDate(string value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(
            value.Trim(), "r", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
}
