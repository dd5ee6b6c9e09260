using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Licentia.Bench -- --filter '*' [--job short]
// Every BenchmarkDotNet option works (--list flat, --filter '*SigV4*', --job dry|short|medium); see docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
