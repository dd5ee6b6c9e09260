using Licentia.Aws.Json;
using Licentia.Aws.Query;
using Licentia.Server.Hosting;
using Licentia.Server.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Licentia.Server.Tests;

/// <summary>docs/COVERAGE.md is generated from the models and the bound handlers; this keeps it current.</summary>
public sealed class CoverageDocumentTests
{
    private static readonly string DocumentPath = Path.Combine(RepositoryRoot.Path, "docs", "COVERAGE.md");

    [Fact]
    public async Task Coverage_document_matches_the_models_and_handlers()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Licentia:DataDir"] = Path.GetTempPath() })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddLicentiaCore(configuration).AddLicentiaWire().BuildServiceProvider();
        var expected = CoverageReport.Render(services.GetRequiredService<JsonProtocolEngine>(), services.GetRequiredService<QueryProtocolEngine>());

        if (Environment.GetEnvironmentVariable("LICENTIA_UPDATE_COVERAGE") == "1")
        {
            await File.WriteAllTextAsync(DocumentPath, expected);
        }

        var actual = File.Exists(DocumentPath) ? (await File.ReadAllTextAsync(DocumentPath)).ReplaceLineEndings("\n") : "";
        Assert.True(actual == expected,
            "docs/COVERAGE.md is stale: run LICENTIA_UPDATE_COVERAGE=1 dotnet test tests/Licentia.Server.Tests --filter CoverageDocumentTests");
    }
}
