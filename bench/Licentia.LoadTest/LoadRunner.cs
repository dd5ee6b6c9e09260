using System.Diagnostics;
using System.Text;

namespace Licentia.LoadTest;

/// <summary>
/// Runs a scenario with N concurrent clients (each a loop: send, await the whole answer, repeat) until the time
/// is up or the request budget is spent. A client starts no request after the deadline; those in flight finish.
/// Every answer that is not 2xx, and every transport failure, is an error.
/// </summary>
internal sealed class LoadRunner(HttpClient http, Func<TimeSpan>? serverCpu)
{
    private const int MaxErrorSamples = 5;

    private long _sequence;

    public async Task<Measurement> RunAsync(Scenario scenario, int concurrency, TimeSpan duration, long maxRequests, CancellationToken ct)
    {
        var samples = new List<string>();
        long issued = 0;
        long errors = 0;
        var serverBefore = serverCpu?.Invoke();
        var harnessBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task<List<long>> Client()
        {
            var latencies = new List<long>(4096);
            while (!ct.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref issued) <= maxRequests)
            {
                using var request = scenario.NewRequest(Interlocked.Increment(ref _sequence));
                var sent = Stopwatch.GetTimestamp();
                var failure = await SendAsync(request, ct);
                latencies.Add(Stopwatch.GetTimestamp() - sent);
                if (failure is not null)
                {
                    Interlocked.Increment(ref errors);
                    lock (samples)
                    {
                        if (samples.Count < MaxErrorSamples)
                        {
                            samples.Add(failure);
                        }
                    }
                }
            }

            return latencies;
        }

        var clients = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Client, ct)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var harnessCpu = Process.GetCurrentProcess().TotalProcessorTime - harnessBefore;
        var serverUsed = serverCpu?.Invoke() - serverBefore;
        return new Measurement(
            scenario.Name, concurrency, errors, elapsed, [.. clients.SelectMany(c => c)], samples, serverUsed, harnessCpu);
    }

    /// <summary>Sends and reads the whole answer; null when it was 2xx, otherwise what went wrong.</summary>
    private async Task<string?> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadAsByteArrayAsync(ct);
            var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
            return $"HTTP {(int)response.StatusCode}: {text}";
        }
        catch (HttpRequestException e)
        {
            return "transport: " + e.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {http.Timeout.TotalSeconds:0} s";
        }
    }
}
