using Licentia.Agent;

// The Licentia inventory agent: `register` once, then `run` (see AgentCommandLine.Usage and README.md).
var (options, error) = AgentCommandLine.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync($"licentia-agent: {error}\n{AgentCommandLine.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) =>
{
    try
    {
        stop.Cancel();
    }
    catch (ObjectDisposedException)
    {
        // Main has finished already.
    }
};

if (options.Command == "register")
{
    return await Registrar.RunAsync(options, stop.Token);
}

var state = new AgentState(options.StateDirectory);
if (!state.IsRegistered)
{
    await Console.Error.WriteLineAsync($"licentia-agent: not registered: {state.CredentialsPath} does not exist; run `register` first.");
    return 2;
}

var credentials = state.LoadCredentials();
using var connection = new ServerConnection(credentials.Endpoint, options.CaFile ?? credentials.CaFile, options.Timeout);
return await new Reporter(options, state, credentials, connection).RunAsync(stop.Token);
