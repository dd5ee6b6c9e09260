using System.Diagnostics;
using System.Text.Json;
using Licentia.Aws.Json;

namespace Licentia.LoadTest;

/// <summary>Requests sent while seeding, outside every measurement: any answer but 2xx stops the run, with the server's answer.</summary>
internal static class SetupRequests
{
    /// <summary>Sends, and returns the body of a 2xx answer.</summary>
    /// <exception cref="InvalidOperationException">The server answered something else; the message says what was being set up.</exception>
    public static async Task<string> SendAsync(HttpClient http, HttpRequestMessage request, string what, CancellationToken ct)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return response.IsSuccessStatusCode
                ? body
                : throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>Sends, and reads a 2xx answer as the generated response shape.</summary>
    public static async Task<TOutput> SendAsync<TOutput>(HttpClient http, HttpRequestMessage request, string what, CancellationToken ct)
        where TOutput : class =>
        JsonSerializer.Deserialize<TOutput>(await SendAsync(http, request, what, ct), AwsJson.SerializerOptions)
            ?? throw new InvalidOperationException($"{what} answered an empty body.");

    /// <summary>Waits until the server answers /health with 200, or fails after <paramref name="limit"/>.</summary>
    public static async Task WaitForHealthAsync(HttpClient http, LicenseManagerClient client, TimeSpan limit, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var request = client.Health();
                using var response = await http.SendAsync(request, ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (waited.Elapsed < limit)
            {
            }

            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"{client.Endpoint}health did not answer 200 within {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(100, ct);
        }
    }
}
