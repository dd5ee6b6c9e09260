using System.Globalization;

namespace Licentia.LoadTest;

/// <summary>The command line of the <c>inventory</c> sub-command.</summary>
internal sealed class InventoryBenchmarkOptions
{
    public const string Usage = """
        Licentia inventory benchmark: ListResourceInventory with two filters over a seeded store, and PutInventory.

        dotnet run -c Release --project bench/Licentia.LoadTest -- inventory --data-dir DIR [options]

          --data-dir DIR           SQLite data directory; seeded on first use (kept: later runs reuse it)
          --resources N            resources to seed, half EC2 instances, half managed servers (default 1000000)
          --walk-pages N           pages of 100 to follow by NextToken per query (default 1000)
          --duration SECONDS       measured time per scenario and concurrency (default 5, at most 600)
          --warmup SECONDS         unmeasured time before each measurement (default 1, at most 60)
          --concurrency N[,N...]   concurrent clients (default 1,8; at most 512)
          --server-dll PATH        the server to start (default: this repository's build)
          --label TEXT             what the run measures, printed in the title (e.g. "before" or "after")
          --no-put                 leave out PutInventory (it writes to the store)
          --output FILE            also write the Markdown to FILE
        """;

    public string DataDir { get; private set; } = string.Empty;

    public int Resources { get; private set; } = 1_000_000;

    public int WalkPages { get; private set; } = 1000;

    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(5);

    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(1);

    public IReadOnlyList<int> Concurrency { get; private set; } = [1, 8];

    public string? ServerDll { get; private set; }

    public string Label { get; private set; } = string.Empty;

    public bool Put { get; private set; } = true;

    public string? OutputFile { get; private set; }

    /// <exception cref="ArgumentException">The command line is not valid; the message says why.</exception>
    public static InventoryBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new InventoryBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--data-dir":
                    options.DataDir = Path.GetFullPath(Value());
                    break;
                case "--resources":
                    options.Resources = (int)Number(name, Value(), 2, 10_000_000);
                    break;
                case "--walk-pages":
                    options.WalkPages = (int)Number(name, Value(), 1, 100_000);
                    break;
                case "--duration":
                    options.Duration = TimeSpan.FromSeconds(Number(name, Value(), 1, 600));
                    break;
                case "--warmup":
                    options.Warmup = TimeSpan.FromSeconds(Number(name, Value(), 0, 60));
                    break;
                case "--concurrency":
                    options.Concurrency = [.. Value().Split(',').Select(v => (int)Number(name, v, 1, 512))];
                    break;
                case "--server-dll":
                    options.ServerDll = Path.GetFullPath(Value());
                    break;
                case "--label":
                    options.Label = Value();
                    break;
                case "--no-put":
                    options.Put = false;
                    break;
                case "--output":
                    options.OutputFile = Value();
                    break;
                default:
                    throw new ArgumentException($"Unknown option {name}.");
            }
        }

        return options.DataDir.Length == 0 ? throw new ArgumentException("--data-dir is required.") : options;
    }

    private static long Number(string name, string value, long min, long max) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{value}'.");
}
