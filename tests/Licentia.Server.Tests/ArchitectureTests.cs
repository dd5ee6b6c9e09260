using System.Xml.Linq;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests;

/// <summary>Dependencies point inward; these tests read the project files and keep it so.</summary>
public sealed class ArchitectureTests
{
    [Theory]
    [InlineData("Licentia.Core", new string[0])]
    [InlineData("Licentia.Aws", new string[0])]
    [InlineData("Licentia.Storage", new[] { "Licentia.Core" })]
    [InlineData("Licentia.Storage.Sqlite", new[] { "Licentia.Storage" })]
    [InlineData("Licentia.Storage.Postgres", new[] { "Licentia.Storage" })]
    [InlineData("Licentia.Agent", new[] { "Licentia.Aws" })]
    [InlineData("Licentia.Client", new string[0])]
    public void Project_references_only_what_the_architecture_allows(string project, string[] allowed)
    {
        Assert.Equal(allowed.Order(), References(project).Order());
    }

    [Theory]
    [InlineData("Licentia.Core")]
    [InlineData("Licentia.Aws")]
    [InlineData("Licentia.Client")]
    public void Inner_projects_use_no_web_framework_and_no_database(string project)
    {
        var file = XDocument.Load(ProjectFile(project));
        Assert.Empty(file.Descendants("FrameworkReference"));
        Assert.Empty(file.Descendants("PackageReference"));
        Assert.Equal("Microsoft.NET.Sdk", file.Root!.Attribute("Sdk")!.Value);
    }

    private static IEnumerable<string> References(string project) =>
        XDocument.Load(ProjectFile(project)).Descendants("ProjectReference")
            .Select(r => System.IO.Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value));

    private static string ProjectFile(string project) =>
        System.IO.Path.Combine(RepositoryRoot.Path, "src", project, project + ".csproj");
}
