using Licentia.Codegen;

// Usage: dotnet run --project tools/Licentia.Codegen [-- --check] [-- --root <repository>]
// Without --check it rewrites src/Licentia.Aws/Generated; with --check it only reports drift and exits 1 on any.
var check = args.Contains("--check");
var rootIndex = Array.IndexOf(args, "--root");
var root = rootIndex >= 0 && rootIndex + 1 < args.Length
    ? Path.GetFullPath(args[rootIndex + 1])
    : CodegenRunner.FindRepositoryRoot(Directory.GetCurrentDirectory());

var files = CodegenRunner.GenerateAll(root);
if (check)
{
    var drift = CodegenRunner.FindDrift(root, files);
    foreach (var line in drift)
    {
        Console.Error.WriteLine(line);
    }

    Console.WriteLine(drift.Count == 0
        ? $"Generated code is up to date ({files.Count} files)."
        : $"Generated code is out of date: run `{ServiceCodeGenerator.Command}`.");
    return drift.Count == 0 ? 0 : 1;
}

foreach (var written in CodegenRunner.Write(root, files))
{
    Console.WriteLine($"wrote {written}");
}

Console.WriteLine($"{files.Count} generated files up to date.");
return 0;
