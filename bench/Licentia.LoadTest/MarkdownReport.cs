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

    /// <summary>
    /// Each check-out measurement beside the sign baseline of its key at the same concurrency (the same server signing
    /// the same bytes with the same key and algorithm); empty when no such pair was measured.
    /// </summary>
    public static string RenderCheckouts(IReadOnlyList<Measurement> measurements, bool hasServerCpu)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var pairs = measurements
            .Where(m => m.Scenario.StartsWith("checkout-", StringComparison.Ordinal))
            .Select(c => (Checkout: c, Sign: measurements.FirstOrDefault(
                s => s.Scenario == "sign-" + c.Scenario["checkout-".Length..] && s.Concurrency == c.Concurrency)))
            .Where(p => p.Sign is not null)
            .ToList();
        if (pairs.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder().AppendLine();
        text.Append("| key | clients | signs/s | check-outs/s | check-outs ÷ signs | sign p50 ms | check-out p50 ms |");
        text.AppendLine(hasServerCpu ? " sign server CPU µs/req | check-out server CPU µs/req |" : "");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|" + (hasServerCpu ? "--:|--:|" : ""));
        foreach (var (checkout, sign) in pairs)
        {
            var label = TokenKeyKind.Of(checkout.Scenario) is { } kind ? $"{kind.Label} ({kind.JwsAlgorithm})" : checkout.Scenario;
            var ratio = sign!.RequestsPerSecond == 0 ? "" : F(checkout.RequestsPerSecond / sign.RequestsPerSecond, "0.00") + "×";
            text.Append(CultureInfo.InvariantCulture,
                $"| {label} | {checkout.Concurrency} | {F(sign.RequestsPerSecond, "0")} | {F(checkout.RequestsPerSecond, "0")} | {ratio} | ");
            text.Append(CultureInfo.InvariantCulture, $"{F(sign.Percentile(50), "0.00")} | {F(checkout.Percentile(50), "0.00")} |");
            if (hasServerCpu)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $" {F(sign.CpuMicrosecondsPerRequest(sign.ServerCpu), "0")} | {F(checkout.CpuMicrosecondsPerRequest(checkout.ServerCpu), "0")} |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
