namespace Licentia.Agent.Host;

/// <summary>
/// The dpkg database, /var/lib/dpkg/status, parsed directly (no dpkg process): one paragraph per package, fields
/// "Name: value" with continuation lines that start with a space. Only packages whose Status ends in "installed".
/// </summary>
internal static class DpkgStatus
{
    public const string DefaultPath = "/var/lib/dpkg/status";

    public static IReadOnlyList<InstalledPackage> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var packages = new List<InstalledPackage>();
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void EndParagraph()
        {
            if (fields.TryGetValue("Package", out var name)
                && fields.TryGetValue("Status", out var status)
                && status.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [.., "installed"])
            {
                var version = fields.GetValueOrDefault("Version", "");
                var colon = version.IndexOf(':', StringComparison.Ordinal);
                packages.Add(new InstalledPackage(
                    name,
                    version,
                    fields.GetValueOrDefault("Maintainer", ""),
                    fields.GetValueOrDefault("Architecture", ""),
                    Summary: fields.GetValueOrDefault("Description", ""),
                    Url: fields.GetValueOrDefault("Homepage", ""),
                    Section: fields.GetValueOrDefault("Section", ""),
                    Epoch: colon > 0 && version[..colon].All(char.IsAsciiDigit) ? version[..colon] : ""));
            }

            fields.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                EndParagraph();
            }
            else if (line[0] is not (' ' or '\t') && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                // Continuation lines (long descriptions, conffiles) are skipped: only a field's first line is kept.
                fields[line[..colon]] = line[(colon + 1)..].Trim();
            }
        }

        EndParagraph();
        return packages;
    }
}
