using System.Globalization;
using System.Reflection;

namespace Licentia.Storage.Migrations;

/// <summary>
/// One numbered schema change, read from an engine assembly's embedded <c>Migrations/NNNN_name.sql</c>.
/// Scripts are never edited once released: a change is a new number.
/// </summary>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    private const string Folder = ".Migrations.";

    public static IReadOnlyList<MigrationScript> LoadFrom(Assembly assembly)
    {
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var folderAt = resource.IndexOf(Folder, StringComparison.Ordinal);
            if (folderAt < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[(folderAt + Folder.Length)..];
            var name = fileName[..^".sql".Length];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(name[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration '{fileName}' must be named NNNN_description.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Migration resource '{resource}' cannot be read.");
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException($"Migrations '{scripts[i - 1].Name}' and '{scripts[i].Name}' share a number.");
            }
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"{assembly.GetName().Name} embeds no migrations.");
        }

        return scripts;
    }
}
