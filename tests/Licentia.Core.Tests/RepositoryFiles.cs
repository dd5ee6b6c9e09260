namespace Licentia.Core.Tests;

/// <summary>Finds files of the repository (the vendored AWS model) from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Path(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Licentia.slnx")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("Licentia.slnx not found above " + AppContext.BaseDirectory)
            : System.IO.Path.Combine([directory.FullName, .. parts]);
    }
}
