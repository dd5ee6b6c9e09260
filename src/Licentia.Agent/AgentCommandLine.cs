using System.Globalization;

namespace Licentia.Agent;

/// <summary>The agent's command line: <c>register</c> and <c>run</c> with their options.</summary>
internal sealed record AgentCommandLine
{
    public const string Usage = """
        usage:
          licentia-agent register --endpoint URL --activation-code CODE --activation-id ID [--region R] [--state-dir DIR] [--ca-file PEM]
          licentia-agent run [--state-dir DIR] [--once] [--interval SECONDS] [--ca-file PEM]
        common options: [--max-attempts N] (tries per call while the server is unreachable; default 8) [--dpkg-status PATH]

        register  exchanges an activation for this server's managed-node id and credentials (once), kept in DIR/state.json (mode 0600)
        run       reports inventory at start and whenever it changes, and heartbeats every interval (default 300 s); --once reports once and exits
        DIR defaults to /var/lib/licentia-agent; --region defaults to us-east-1. The endpoint must be https:// (http:// only for loopback).
        """;

    public required string Command { get; init; }
    public string? Endpoint { get; init; }
    public string? ActivationCode { get; init; }
    public string? ActivationId { get; init; }
    public string Region { get; init; } = "us-east-1";
    public string StateDirectory { get; init; } = AgentState.DefaultDirectory;
    public string? CaFile { get; init; }
    public bool Once { get; init; }
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public int MaxAttempts { get; init; } = 8;
    public string DpkgStatusPath { get; init; } = Host.DpkgStatus.DefaultPath;

    /// <summary>The parsed command line, or the reason it cannot be used.</summary>
    public static (AgentCommandLine? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is not ("register" or "run"))
        {
            return (null, "expected a command: register or run");
        }

        var options = new AgentCommandLine { Command = args[0] };
        for (var i = 1; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                options = args[i] switch
                {
                    "--endpoint" => options with { Endpoint = Next() },
                    "--activation-code" => options with { ActivationCode = Next() },
                    "--activation-id" => options with { ActivationId = Next() },
                    "--region" => options with { Region = Next() },
                    "--state-dir" => options with { StateDirectory = Next() },
                    "--ca-file" => options with { CaFile = Next() },
                    "--once" => options with { Once = true },
                    "--interval" => options with { Interval = TimeSpan.FromSeconds(int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture)) },
                    "--dpkg-status" => options with { DpkgStatusPath = Next() },
                    "--max-attempts" => options with { MaxAttempts = Math.Max(1, int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture)) },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                return (null, e.Message);
            }
        }

        if (options.Command == "register")
        {
            if (options.Endpoint is null || options.ActivationCode is null || options.ActivationId is null)
            {
                return (null, "register needs --endpoint, --activation-code and --activation-id");
            }

            if (EndpointError(options.Endpoint) is { } error)
            {
                return (null, error);
            }
        }

        return (options, null);
    }

    /// <summary>HTTPS always; plain HTTP only to a loopback address (a server on the same machine, or tests).</summary>
    public static string? EndpointError(string endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return $"--endpoint '{endpoint}' is not an http(s) URL";
        }

        return uri.Scheme == "http" && !ServerConnection.IsLoopback(uri)
            ? $"--endpoint '{endpoint}' must use https:// (plain http is allowed only to a loopback address)"
            : null;
    }
}
