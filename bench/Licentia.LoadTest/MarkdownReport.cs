using System.Globalization;
using System.Text;

namespace Licentia.LoadTest;

/// <summary>The results as a Markdown table, each scenario beside the baseline measured at the same concurrency.</summary>
internal static class MarkdownReport
{
    public static string Render(IReadOnlyList<Measurement> measurements, bool hasServerCpu)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var text = new StringBuilder();
        text.Append("| scenario | clients | requests | errors | req/s | vs baseline | p50 ms | p95 ms | p99 ms | max ms |");
        text.Append(hasServerCpu ? " server CPU µs/req |" : "").AppendLine(" harness CPU µs/req |");
        text.Append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|").Append(hasServerCpu ? "--:|" : "").AppendLine("--:|");
        foreach (var m in measurements)
        {
            var baseline = measurements.FirstOrDefault(b => b.Scenario == "baseline" && b.Concurrency == m.Concurrency);
            var ratio = baseline is null || baseline.RequestsPerSecond == 0 ? "" : F(m.RequestsPerSecond / baseline.RequestsPerSecond, "0.00") + "×";
            text.Append(CultureInfo.InvariantCulture,
                $"| {m.Scenario} | {m.Concurrency} | {m.Requests} | {m.Errors} | {F(m.RequestsPerSecond, "0")} | {ratio} | ");
            text.Append(CultureInfo.InvariantCulture,
                $"{F(m.Percentile(50), "0.00")} | {F(m.Percentile(95), "0.00")} | {F(m.Percentile(99), "0.00")} | {F(m.MaxMilliseconds, "0.0")} |");
            if (hasServerCpu)
            {
                text.Append(' ').Append(F(m.CpuMicrosecondsPerRequest(m.ServerCpu), "0")).Append(" |");
            }

            text.Append(' ').Append(F(m.CpuMicrosecondsPerRequest(m.HarnessCpu), "0")).AppendLine(" |");
        }

        return text.ToString();
    }

    private static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
