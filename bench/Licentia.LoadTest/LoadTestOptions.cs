using System.Globalization;

namespace Licentia.LoadTest;

/// <summary>The command line, validated: every run is bounded in time, count and concurrency, and stays on 127.0.0.1.</summary>
internal sealed class LoadTestOptions
{
    public const string Usage = """
        Licentia load test: drives concurrent signed AWS requests at a Licentia server and prints a Markdown table.

        dotnet run -c Release --project bench/Licentia.LoadTest -- [options]

          --duration SECONDS       measured time per scenario and concurrency (default 5, at most 600)
          --warmup SECONDS         unmeasured time before each measurement (default 1, at most 60)
          --concurrency N[,N...]   concurrent clients; several levels run one after another (default 8,32; at most 512)
          --scenarios LIST         baseline,list,get,create,launch,sign-rsa,checkout-rsa,sign-p256,checkout-p256
                                   (default: all nine, in that order; each sign-* is the baseline of its checkout-*)
          --max-requests N         stop a measurement after N requests even before its time is up (default 5000000)
          --storage sqlite|postgres  the store of the server this harness starts (default sqlite)
          --postgres CS            connection string of an EMPTY PostgreSQL database (with --storage postgres)
          --endpoint URL           use a running server (http://127.0.0.1:PORT) instead of starting one; needs --credentials
          --credentials FILE       AWS shared-credentials file to sign with (default: the one the started server writes)
          --profile NAME           profile of the credentials file (default "default")
          --server-dll PATH        the server to start (default src/Licentia.Server/bin/<this build's configuration>/net10.0/Licentia.Server.dll)
          --quiet-server           start the server without its per-request log line (AwsEndpoint logging at Warning)
          --output FILE            also write the Markdown table to FILE

        Exit code: 0 when every request answered 2xx, 1 when any did not, 2 on bad usage.
        """;

    public static readonly string[] AllScenarios =
        ["baseline", "list", "get", "create", "launch", "sign-rsa", "checkout-rsa", "sign-p256", "checkout-p256"];

    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(5);

    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(1);

    public IReadOnlyList<int> Concurrency { get; private set; } = [8, 32];

    public IReadOnlyList<string> Scenarios { get; private set; } = AllScenarios;

    public long MaxRequests { get; private set; } = 5_000_000;

    public string Storage { get; private set; } = "sqlite";

    public string? PostgresConnectionString { get; private set; }

    public Uri? Endpoint { get; private set; }

    public string? CredentialsFile { get; private set; }

    public string Profile { get; private set; } = "default";

    public string? ServerDll { get; private set; }

    public bool QuietServer { get; private set; }

    public string? OutputFile { get; private set; }

    /// <exception cref="ArgumentException">The command line is not valid; the message says why.</exception>
    public static LoadTestOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadTestOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--duration":
                    options.Duration = Seconds(name, Value(), 1, 600);
                    break;
                case "--warmup":
                    options.Warmup = Seconds(name, Value(), 0, 60);
                    break;
                case "--concurrency":
                    options.Concurrency = [.. Value().Split(',').Select(v => (int)Number(name, v, 1, 512))];
                    break;
                case "--scenarios":
                    options.Scenarios = ParseScenarios(Value());
                    break;
                case "--max-requests":
                    options.MaxRequests = Number(name, Value(), 1, 50_000_000);
                    break;
                case "--storage":
                    options.Storage = Value() switch
                    {
                        "sqlite" => "sqlite",
                        "postgres" => "postgres",
                        var other => throw new ArgumentException($"--storage must be sqlite or postgres, not '{other}'."),
                    };
                    break;
                case "--postgres":
                    options.PostgresConnectionString = Value();
                    break;
                case "--endpoint":
                    options.Endpoint = LoopbackEndpoint(Value());
                    break;
                case "--credentials":
                    options.CredentialsFile = Value();
                    break;
                case "--profile":
                    options.Profile = Value();
                    break;
                case "--server-dll":
                    options.ServerDll = Value();
                    break;
                case "--quiet-server":
                    options.QuietServer = true;
                    break;
                case "--output":
                    options.OutputFile = Value();
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.");
            }
        }

        if (options.Endpoint is not null && options.CredentialsFile is null)
        {
            throw new ArgumentException("--endpoint needs --credentials: a running server's keys are not known otherwise.");
        }

        if (options.Storage == "postgres" && options.Endpoint is null && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new ArgumentException("--storage postgres needs --postgres \"Host=...;Database=...;Username=...;Password=...\" (an empty database).");
        }

        if (options.Storage == "sqlite" && options.PostgresConnectionString is not null)
        {
            throw new ArgumentException("--postgres is only for --storage postgres.");
        }

        return options;
    }

    private static string[] ParseScenarios(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0 || names.Any(n => !AllScenarios.Contains(n)))
        {
            throw new ArgumentException($"--scenarios takes a comma-separated list of {string.Join(", ", AllScenarios)}; got '{value}'.");
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static TimeSpan Seconds(string name, string value, double min, double max)
    {
        var text = value.EndsWith('s') ? value[..^1] : value;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < min || seconds > max)
        {
            throw new ArgumentException($"{name} must be a number of seconds from {min} to {max}, not '{value}'.");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static long Number(string name, string value, long min, long max)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{value}'.");
        }

        return number;
    }

    // Only the loopback address: this harness must never be pointed at someone else's server.
    private static Uri LoopbackEndpoint(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Host != "127.0.0.1"
            || uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            throw new ArgumentException($"--endpoint must be http://127.0.0.1:PORT, not '{value}'.");
        }

        return uri;
    }
}
