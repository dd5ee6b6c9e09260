using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Licentia.LoadTest;

// The HTTP load harness; docs/benchmarks.md says what it measures and how to read it.
if (args is ["inventory", ..])
{
    return await InventoryBenchmark.RunAsync(args[1..], CancellationToken.None);
}

LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Environment.NewLine + LoadTestOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

ServerProcess? server = null;
AppDomain.CurrentDomain.ProcessExit += (_, _) => server?.Dispose();
try
{
    if (options.Endpoint is null)
    {
        var dll = options.ServerDll ?? Paths.DefaultServerDll();
        Console.Error.WriteLine($"Starting {dll} ({options.Storage}) ...");
        server = await ServerProcess.StartAsync(
            dll, options.Storage == "postgres" ? options.PostgresConnectionString : null, options.QuietServer, cancel.Token);
    }

    var endpoint = options.Endpoint ?? server!.Endpoint;
    var credentialsFile = options.CredentialsFile ?? server!.CredentialsFile;
    if (!File.Exists(credentialsFile))
    {
        throw new InvalidOperationException(
            $"No credentials file at {credentialsFile}. The server writes one only on its first start with an empty store: "
            + "give --postgres an empty database, or pass --credentials.");
    }

    var credentials = SharedCredentials.Read(credentialsFile, options.Profile);
    var client = new LicenseManagerClient(endpoint, credentials);
    using var http = new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Concurrency.Max(),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    await SetupRequests.WaitForHealthAsync(http, client, TimeSpan.FromSeconds(30), cancel.Token);
    var runId = Guid.NewGuid().ToString("N")[..8];
    var seeded = options.Scenarios.Any(s => s is "list" or "get") ? await SeedAsync(http, client, runId, cancel.Token) : [];
    var launchImage = options.Scenarios.Contains("launch") ? await SeedLaunchAsync(http, client, runId, cancel.Token) : null;
    var issuers = new Dictionary<string, TokenIssuer>();
    foreach (var kind in options.Scenarios.Select(TokenKeyKind.Of).OfType<TokenKeyKind>().Distinct())
    {
        issuers[kind.Name] = await TokenIssuer.CreateAsync(http, client, kind, runId, cancel.Token);
    }

    var scenarios = options.Scenarios.Select(name => Scenario.Create(name, client, seeded, launchImage, issuers, runId)).ToList();

    var runner = new LoadRunner(http, server is null ? null : () => server.CpuTime);
    var results = new List<Measurement>();
    var notes = new List<string>();
    long warmupErrors = 0;
    foreach (var concurrency in options.Concurrency)
    {
        foreach (var scenario in scenarios)
        {
            cancel.Token.ThrowIfCancellationRequested();
            if (options.Warmup > TimeSpan.Zero)
            {
                var warm = await runner.RunAsync(scenario, concurrency, options.Warmup, options.MaxRequests, cancel.Token);
                warmupErrors += warm.Errors;
                Report(warm.ErrorSamples, $"{scenario.Name} x{concurrency} warm-up");
            }

            if (scenario.BeforeMeasurement is { } prepare)
            {
                await prepare(cancel.Token);
            }

            var measured = await runner.RunAsync(scenario, concurrency, options.Duration, options.MaxRequests, cancel.Token);
            if (scenario.Name.StartsWith("checkout-", StringComparison.Ordinal))
            {
                // Provisional check-outs stay active for their time to live; say how many had piled up, since a
                // check-out's cost once grew with them (docs/benchmarks.md) and must not again.
                notes.Add($"`{scenario.Name}` ×{concurrency}: its license went from 0 to {measured.Requests - measured.Errors} active provisional "
                    + "check-outs during the measurement.");
            }

            results.Add(measured);
            Console.Error.WriteLine(
                $"{scenario.Name} x{concurrency}: {measured.Requests} requests, {measured.Errors} errors, {measured.RequestsPerSecond:0} req/s");
            Report(measured.ErrorSamples, $"{scenario.Name} x{concurrency}");
        }
    }

    var output = new System.Text.StringBuilder()
        .AppendLine($"Licentia load test: {endpoint} ({(options.Endpoint is null ? options.Storage + ", started by the harness" : "given endpoint")}), "
            + $"{options.Duration.TotalSeconds:0.#} s per scenario after {options.Warmup.TotalSeconds:0.#} s warm-up; "
            + $"{Environment.ProcessorCount} CPUs, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}.")
        .AppendLine()
        .AppendLine(string.Join(Environment.NewLine, scenarios.Select(s => $"- `{s.Name}`: {s.Description}")))
        .AppendLine()
        .Append(MarkdownReport.Render(results, server is not null))
        .Append(MarkdownReport.RenderCheckouts(results, server is not null))
        .Append(notes.Count == 0 ? "" : Environment.NewLine + string.Join(Environment.NewLine, notes.Select(n => "- " + n)) + Environment.NewLine)
        .ToString();
    Console.WriteLine(output);
    if (options.OutputFile is not null)
    {
        await File.WriteAllTextAsync(options.OutputFile, output);
    }

    var errors = results.Sum(r => r.Errors) + warmupErrors;
    if (errors > 0)
    {
        await Console.Error.WriteLineAsync($"FAILED: {errors} request(s) did not answer 2xx ({warmupErrors} of them during warm-up).");
        return 1;
    }

    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Interrupted.");
    return 1;
}
catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or TimeoutException)
{
    await Console.Error.WriteLineAsync("FAILED: " + e.Message);
    if (server is not null)
    {
        await Console.Error.WriteLineAsync("Server output (last lines):" + Environment.NewLine + server.RecentOutput);
    }

    return 1;
}
finally
{
    server?.Dispose();
}

static void Report(IReadOnlyList<string> samples, string what)
{
    foreach (var sample in samples)
    {
        Console.Error.WriteLine($"  error in {what}: {sample}");
    }
}


// An image associated with two hard-limited vCPU configurations, large enough never to refuse during the run.
static async Task<string> SeedLaunchAsync(HttpClient http, LicenseManagerClient client, string runId, CancellationToken ct)
{
    const string SettingUpLaunch = "Setting up the launch scenario";
    var register = await SetupRequests.SendAsync(http, client.Ec2("RegisterImage", ("Name", $"load-{runId}")), SettingUpLaunch, ct);
    var imageId = System.Xml.Linq.XDocument.Parse(register).Descendants().First(e => e.Name.LocalName == "imageId").Value;
    string? imageArn = null;
    var specifications = new List<Licentia.Aws.LicenseManager.LicenseSpecification>();
    for (var i = 0; i < 2; i++)
    {
        var created = await SetupRequests.SendAsync(http, client.Request("CreateLicenseConfiguration", new Licentia.Aws.LicenseManager.CreateLicenseConfigurationRequest
        {
            Name = $"launch-{runId}-{i}",
            LicenseCountingType = "vCPU",
            LicenseCount = 1_000_000_000,
            LicenseCountHardLimit = true,
        }), SettingUpLaunch, ct);
        using var json = JsonDocument.Parse(created);
        var arn = json.RootElement.GetProperty("LicenseConfigurationArn").GetString()!;
        imageArn ??= $"arn:aws:ec2:{arn.Split(':')[3]}:{arn.Split(':')[4]}:image/{imageId}";
        specifications.Add(new() { LicenseConfigurationArn = arn });
    }

    await SetupRequests.SendAsync(http, client.Request("UpdateLicenseSpecificationsForResource", new Licentia.Aws.LicenseManager.UpdateLicenseSpecificationsForResourceRequest
    {
        ResourceArn = imageArn,
        AddLicenseSpecifications = specifications,
    }), SettingUpLaunch, ct);
    return imageId;
}

static async Task<string[]> SeedAsync(HttpClient http, LicenseManagerClient client, string runId, CancellationToken ct)
{
    var arns = new string[Scenario.SeededConfigurations];
    for (var i = 0; i < arns.Length; i++)
    {
        using var request = client.Request("CreateLicenseConfiguration", Scenario.NewConfiguration($"seed-{runId}-{i}"));
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding a configuration answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        arns[i] = json.RootElement.GetProperty("LicenseConfigurationArn").GetString()!;
    }

    return arns;
}
