namespace Licentia.Codegen;

/// <summary>Runs the generator over every model in specs/aws and writes or checks the committed output.</summary>
public static class CodegenRunner
{
    public const string SpecsFolder = "specs/aws";
    public const string OutputFolder = "src/Licentia.Aws/Generated";

    /// <summary>Generates the files for every JSON-protocol model, in a stable order.</summary>
    public static IReadOnlyList<GeneratedFile> GenerateAll(string repositoryRoot)
    {
        var specs = Directory.GetDirectories(Path.Combine(repositoryRoot, SpecsFolder))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(folder => File.Exists(SpecPath(repositoryRoot, folder)))
            .OrderBy(folder => folder, StringComparer.Ordinal);

        return [.. specs.SelectMany(folder => ServiceCodeGenerator.Generate(folder, File.ReadAllText(SpecPath(repositoryRoot, folder))))];
    }

    /// <summary>What differs between the expected files and the tree: changed, missing, or stale generated files.</summary>
    public static IReadOnlyList<string> FindDrift(string repositoryRoot, IReadOnlyList<GeneratedFile> expected)
    {
        var drift = new List<string>();
        foreach (var file in expected)
        {
            var path = FullPath(repositoryRoot, file.RelativePath);
            if (!File.Exists(path))
            {
                drift.Add($"missing: {file.RelativePath}");
            }
            else if (Normalize(File.ReadAllText(path)) != file.Content)
            {
                drift.Add($"changed: {file.RelativePath}");
            }
        }

        drift.AddRange(StaleFiles(repositoryRoot, expected).Select(stale => $"stale: {stale}"));
        return drift;
    }

    /// <summary>Writes every file that changed and deletes generated files no model produces any more.</summary>
    public static IReadOnlyList<string> Write(string repositoryRoot, IReadOnlyList<GeneratedFile> files)
    {
        var written = new List<string>();
        foreach (var file in files)
        {
            var path = FullPath(repositoryRoot, file.RelativePath);
            if (File.Exists(path) && Normalize(File.ReadAllText(path)) == file.Content)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
            written.Add(file.RelativePath);
        }

        foreach (var stale in StaleFiles(repositoryRoot, files))
        {
            File.Delete(FullPath(repositoryRoot, stale));
            written.Add(stale + " (deleted)");
        }

        return written;
    }

    /// <summary>The nearest directory at or above <paramref name="start"/> that holds Licentia.slnx.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Licentia.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Licentia.slnx found at or above {start}.");
    }

    private static IEnumerable<string> StaleFiles(string repositoryRoot, IReadOnlyList<GeneratedFile> expected)
    {
        var output = Path.Combine(repositoryRoot, OutputFolder);
        if (!Directory.Exists(output))
        {
            return [];
        }

        var wanted = expected.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        return Directory.GetFiles(output, "*.g.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/'))
            .Where(relative => !wanted.Contains(relative))
            .OrderBy(relative => relative, StringComparer.Ordinal);
    }

    private static string SpecPath(string root, string folder) => Path.Combine(root, SpecsFolder, folder, "service-2.json");

    private static string FullPath(string root, string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    // A checkout with CRLF line endings is not drift.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
