namespace Licentia.Server.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The checkout's root: the first parent of the test binaries that holds Licentia.slnx.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Licentia.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Licentia.slnx not found above " + AppContext.BaseDirectory);
    }
}
