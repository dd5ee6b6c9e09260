namespace Licentia.Server.Hosting;

/// <summary>
/// Adds Licentia's own command-line switches and environment variables to the configuration:
/// <c>--data-dir</c>/<c>LICENTIA_DATA_DIR</c>, <c>--postgres</c>/<c>LICENTIA_POSTGRES</c>,
/// <c>LICENTIA_MASTER_KEY</c>. The command line wins over the environment.
/// </summary>
internal static class LicentiaConfiguration
{
    public const string DefaultUrl = "http://127.0.0.1:4650";

    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--data-dir"] = "Licentia:DataDir",
        ["--postgres"] = "Licentia:Postgres",
        ["--name"] = "Command:Name",
    };

    private static readonly Dictionary<string, string> EnvironmentVariables = new(StringComparer.Ordinal)
    {
        ["LICENTIA_DATA_DIR"] = "Licentia:DataDir",
        ["LICENTIA_POSTGRES"] = "Licentia:Postgres",
        ["LICENTIA_MASTER_KEY"] = "Licentia:MasterKey",
    };

    public static IConfigurationBuilder AddLicentiaSources(this IConfigurationBuilder configuration, string[] args)
    {
        var fromEnvironment = EnvironmentVariables
            .Select(pair => (pair.Value, Value: Environment.GetEnvironmentVariable(pair.Key)))
            .Where(pair => !string.IsNullOrEmpty(pair.Value))
            .ToDictionary(pair => pair.Item1, pair => pair.Value);
        configuration.AddInMemoryCollection(fromEnvironment);
        return configuration.AddCommandLine(args, Switches);
    }
}
