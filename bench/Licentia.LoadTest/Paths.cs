namespace Licentia.LoadTest;

internal static class Paths
{
    /// <summary>src/Licentia.Server/bin/&lt;this build's configuration&gt;/net10.0/Licentia.Server.dll of the repository this harness was built in.</summary>
    public static string DefaultServerDll()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Licentia.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Licentia.Server", "bin", configuration, "net10.0", "Licentia.Server.dll");
            }
        }

        throw new InvalidOperationException("Cannot find the repository (Licentia.slnx) above " + AppContext.BaseDirectory + "; pass --server-dll.");
    }
}
