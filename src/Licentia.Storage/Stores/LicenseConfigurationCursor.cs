using System.Globalization;

namespace Licentia.Storage.Stores;

/// <summary>
/// The position marker of a license-configuration listing: the seq of the last row returned.
/// seq only grows, so "seq greater than the cursor" resumes exactly after that row even when rows
/// before it were deleted meanwhile, and the index on (scope, seq) makes every page equally cheap.
/// </summary>
internal static class LicenseConfigurationCursor
{
    public static string Encode(long seq) => seq.ToString(CultureInfo.InvariantCulture);

    public static long Decode(string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }

        if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            throw new ArgumentException($"'{cursor}' is not a cursor of this listing.", nameof(cursor));
        }

        return seq;
    }
}
