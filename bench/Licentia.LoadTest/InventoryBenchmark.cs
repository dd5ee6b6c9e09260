using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Licentia.Aws.LicenseManager;

namespace Licentia.LoadTest;

/// <summary>
/// The <c>inventory</c> sub-command: ListResourceInventory with two filters over a store seeded with a million
/// resources (<see cref="InventorySeeder"/>), pages of 100 followed by NextToken (page 1, 100, 1000), the same pages
/// under concurrent clients, and PutInventory throughput; all through the real server over HTTP with SigV4, beside the
/// /health baseline of the same run.
/// </summary>
internal static class InventoryBenchmark
{
    private const int PageSize = 100;
    private const string SeedMarker = "inventory-seed.txt";

    /// <summary>The two-filter queries, with how many of the seeded resources they match (see InventorySeeder's distributions).</summary>
    private static readonly (string Name, string Matches, (string Name, string Condition, string Value)[] Filters)[] Queries =
    [
        ("ec2-sql-enterprise", "1% of EC2", [("platform", "BEGINS_WITH", "Windows"), ("license_included", "EQUALS", "sql-server-enterprise")]),
        ("ec2-linux-no-windows", "70% of EC2", [("platform", "EQUALS", "Linux/UNIX"), ("license_included", "NOT_EQUALS", "windows-server-datacenter")]),
        ("ubuntu-nginx", "10% of managed", [("platform", "EQUALS", "Ubuntu"), ("application_name", "EQUALS", "nginx")]),
        ("dev-mysql", "5% of managed", [("tag:env", "EQUALS", "dev"), ("application_name", "BEGINS_WITH", "MySQL")]),
        ("redhat-oracle", "0.1% of managed", [("application_name", "EQUALS", "Oracle Database"), ("platform", "BEGINS_WITH", "Red Hat")]),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        InventoryBenchmarkOptions options;
        try
        {
            options = InventoryBenchmarkOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Environment.NewLine + InventoryBenchmarkOptions.Usage);
            return 2;
        }

        var serverDll = options.ServerDll ?? Paths.DefaultServerDll();
        var seeded = await EnsureSeededAsync(options, serverDll, ct);
        using var server = await ServerProcess.StartAsync(serverDll, null, quiet: true, ct, options.DataDir);
        var credentials = SharedCredentials.Read(server.CredentialsFile, "default");
        var client = new LicenseManagerClient(server.Endpoint, credentials);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency.Max(), UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(120),
        };
        await SetupRequests.WaitForHealthAsync(http, client, TimeSpan.FromSeconds(60), ct);

        // One unmeasured first page of each query, so that page 1 of the walks below is not the process's first run of the code.
        foreach (var query in Queries)
        {
            using var warm = await http.SendAsync(List(client, query.Filters, null), ct);
        }

        var walks = new List<Walk>();
        foreach (var query in Queries)
        {
            var walk = await WalkAsync(http, client, query.Name, query.Filters, options.WalkPages, ct);
            walks.Add(walk);
            Console.Error.WriteLine($"{query.Name}: {walk.Pages} pages, {walk.Results} results, page 1 {walk.At(1):0.0} ms, mean {walk.MeanMs:0.0} ms");
        }

        var scenarios = new List<Scenario> { new("baseline", "GET /health, unsigned", _ => client.Health()) };
        foreach (var (query, walk) in Queries.Zip(walks))
        {
            scenarios.Add(new($"{query.Name} p1", "first page", _ => List(client, query.Filters, null)));
            if (walk.TokenAfter100 is { } token)
            {
                scenarios.Add(new($"{query.Name} p101", "page 101, from the NextToken of page 100", _ => List(client, query.Filters, token)));
            }
        }

        if (options.Put)
        {
            var managed = seeded - seeded / 2;
            scenarios.Add(new("put-inventory", "PutInventory of a changed AWS:Application (24 entries) for a seeded server", sequence => Put(client, sequence, managed)));
        }

        var runner = new LoadRunner(http, () => server.CpuTime);
        var results = new List<Measurement>();
        foreach (var concurrency in options.Concurrency)
        {
            foreach (var scenario in scenarios)
            {
                if (options.Warmup > TimeSpan.Zero)
                {
                    await runner.RunAsync(scenario, concurrency, options.Warmup, long.MaxValue, ct);
                }

                var measured = await runner.RunAsync(scenario, concurrency, options.Duration, long.MaxValue, ct);
                results.Add(measured);
                Console.Error.WriteLine($"{scenario.Name} x{concurrency}: {measured.RequestsPerSecond:0} req/s, p50 {measured.Percentile(50):0.00} ms, {measured.Errors} errors");
                foreach (var sample in measured.ErrorSamples)
                {
                    Console.Error.WriteLine("  error: " + sample);
                }
            }
        }

        var output = Render(options, seeded, walks, results);
        Console.WriteLine(output);
        if (options.OutputFile is not null)
        {
            await File.WriteAllTextAsync(options.OutputFile, output, ct);
        }

        return results.Sum(r => r.Errors) + walks.Sum(w => w.Errors) > 0 ? 1 : 0;
    }

    private static async Task<int> EnsureSeededAsync(InventoryBenchmarkOptions options, string serverDll, CancellationToken ct)
    {
        var marker = Path.Combine(options.DataDir, SeedMarker);
        if (File.Exists(marker))
        {
            return int.Parse(await File.ReadAllTextAsync(marker, ct), CultureInfo.InvariantCulture);
        }

        // The server's first start on an empty directory creates the store, an account and its credentials file.
        Directory.CreateDirectory(options.DataDir);
        string region;
        using (var first = await ServerProcess.StartAsync(serverDll, null, quiet: true, ct, options.DataDir))
        {
            region = SharedCredentials.Read(first.CredentialsFile, "default").Region;
        }

        Console.Error.WriteLine($"Seeding {options.Resources} resources into {options.DataDir} ...");
        await InventorySeeder.SeedAsync(options.DataDir, region, options.Resources, Console.Error, ct);
        await File.WriteAllTextAsync(marker, options.Resources.ToString(CultureInfo.InvariantCulture), ct);
        return options.Resources;
    }

    private static HttpRequestMessage List(LicenseManagerClient client, (string Name, string Condition, string Value)[] filters, string? token) =>
        client.Request("ListResourceInventory", new ListResourceInventoryRequest
        {
            MaxResults = PageSize,
            NextToken = token,
            Filters = [.. filters.Select(f => new InventoryFilter { Name = f.Name, Condition = f.Condition, Value = f.Value })],
        });

    private static HttpRequestMessage Put(LicenseManagerClient client, long sequence, int managed)
    {
        var id = "mi-" + ((sequence % managed) + 1).ToString("x17", CultureInfo.InvariantCulture);
        var content = Enumerable.Range(0, 24)
            .Select(i => new Dictionary<string, string> { ["Name"] = $"package-{i}", ["Version"] = i == 0 ? $"1.{sequence}" : "1.0", ["Publisher"] = "bench" })
            .ToList();
        return client.Ssm("PutInventory", new Licentia.Aws.Ssm.PutInventoryRequest
        {
            InstanceId = id,
            Items = [new() { TypeName = "AWS:Application", SchemaVersion = "1.1", CaptureTime = "2026-01-01T00:00:00Z", Content = content }],
        });
    }

    // Pages of one query in order, following NextToken, one request at a time.
    private static async Task<Walk> WalkAsync(
        HttpClient http, LicenseManagerClient client, string name, (string Name, string Condition, string Value)[] filters, int maxPages, CancellationToken ct)
    {
        var walk = new Walk(name);
        string? token = null;
        do
        {
            using var request = List(client, filters, token);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            walk.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                walk.Errors++;
                Console.Error.WriteLine($"  {name} page {walk.Pages}: HTTP {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                break;
            }

            using var json = JsonDocument.Parse(body);
            var items = json.RootElement.TryGetProperty("ResourceInventoryList", out var list) ? list.GetArrayLength() : 0;
            walk.Results += items;
            walk.EmptyPages += items == 0 ? 1 : 0;
            token = json.RootElement.TryGetProperty("NextToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (walk.Pages == 100)
            {
                walk.TokenAfter100 = token;
            }
        }
        while (token is not null && walk.Pages < maxPages);

        walk.Finished = token is null;
        return walk;
    }

    private static string Render(InventoryBenchmarkOptions options, int seeded, List<Walk> walks, List<Measurement> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Licentia inventory benchmark{(options.Label.Length > 0 ? " (" + options.Label + ")" : "")}: {seeded} resources ({seeded / 2} EC2 instances, "
            + $"{seeded - seeded / 2} managed servers), SQLite; pages of {PageSize}; {options.Duration.TotalSeconds:0} s per measurement after "
            + $"{options.Warmup.TotalSeconds:0} s warm-up; {Environment.ProcessorCount} CPUs, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}.");
        text.AppendLine();
        text.AppendLine("| query | filters | matches | pages walked | results | empty pages | page 1 ms | page 100 ms | page 1000 ms | mean ms/page | max ms |");
        text.AppendLine("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (query, walk) in Queries.Zip(walks))
        {
            var filters = string.Join(" + ", query.Filters.Select(f => $"`{f.Name} {f.Condition} {f.Value}`"));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {query.Name} | {filters} | {query.Matches} | {walk.Pages}{(walk.Finished ? " (end)" : "")} | {walk.Results} | {walk.EmptyPages} | "
                + $"{F(walk.At(1))} | {F(walk.At(100))} | {F(walk.At(1000))} | {F(walk.MeanMs)} | {F(walk.Latencies.DefaultIfEmpty().Max())} |");
        }

        text.AppendLine();
        text.Append(MarkdownReport.Render(results, hasServerCpu: true));
        return text.ToString();
    }

    private static string F(double? ms) => ms is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    /// <summary>One query's pages in order: the latency of each, what they held, and the token that leads to page 101.</summary>
    private sealed class Walk(string name)
    {
        public string Name { get; } = name;

        public List<double> Latencies { get; } = [];

        public int Pages => Latencies.Count;

        public long Results { get; set; }

        public int EmptyPages { get; set; }

        public int Errors { get; set; }

        public bool Finished { get; set; }

        public string? TokenAfter100 { get; set; }

        public double MeanMs => Latencies.Count == 0 ? 0 : Latencies.Average();

        public double? At(int page) => page <= Latencies.Count ? Latencies[page - 1] : null;
    }
}
