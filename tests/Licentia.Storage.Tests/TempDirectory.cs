namespace Licentia.Storage.Tests;

/// <summary>A directory that exists for the lifetime of one test class (an xunit class fixture).</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"licentia-storage-{Guid.NewGuid():N}")).FullName;

    public string NewSubdirectory() => Directory.CreateDirectory(System.IO.Path.Combine(Path, Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
