using System.Globalization;
using System.Text;
using Licentia.Aws.Dispatch;
using Licentia.Aws.Json;
using Licentia.Aws.Model;
using Licentia.Aws.Query;

namespace Licentia.Server.Hosting;

/// <summary>
/// Renders docs/COVERAGE.md: every operation of every vendored AWS model, and whether this server
/// has a handler for it, whichever engine (JSON or query/EC2) serves it. Generated from the models and
/// the bound handlers, never written by hand.
/// </summary>
internal static class CoverageReport
{
    public static string Render(JsonProtocolEngine json, QueryProtocolEngine query) =>
        Render([.. json.Services, .. query.Services]);

    public static string Render(IEnumerable<ServiceBinding> bindings)
    {
        var implemented = bindings.ToDictionary(s => s.Model.Name, s => s.ImplementedOperations.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var text = new StringBuilder()
            .AppendLine("# Coverage")
            .AppendLine()
            .AppendLine("Every operation of the AWS models vendored in `specs/aws/`, and whether Licentia implements it.")
            .AppendLine("Generated from the models and the server's handlers; do not edit. Regenerate with")
            .AppendLine("`LICENTIA_UPDATE_COVERAGE=1 dotnet test tests/Licentia.Server.Tests --filter CoverageDocumentTests`;")
            .AppendLine("a test fails while this file is stale. Operations not implemented answer HTTP 501 `NotImplemented`.")
            .AppendLine();

        var models = ServiceModel.EmbeddedModelNames.Select(ServiceModel.LoadEmbedded).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        text.AppendLine("| service | protocol | implemented |").AppendLine("|---|---|---|");
        foreach (var model in models)
        {
            var done = implemented.GetValueOrDefault(model.Name) ?? [];
            text.AppendLine(CultureInfo.InvariantCulture, $"| [{model.Name}](#{model.Name}) | {model.Metadata.Protocol} | {done.Count} of {model.Operations.Count} |");
        }

        foreach (var model in models)
        {
            var done = implemented.GetValueOrDefault(model.Name) ?? [];
            text.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"## {model.Name}")
                .AppendLine()
                .AppendLine("| operation | implemented |")
                .AppendLine("|---|---|");
            foreach (var operation in model.Operations.Keys.Order(StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {operation} | {(done.Contains(operation) ? "yes" : "no")} |");
            }
        }

        return text.ToString();
    }
}
