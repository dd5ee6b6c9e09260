using Licentia.Aws.Dispatch;

namespace Licentia.Aws.Json;

/// <summary>What the host plugs into the JSON protocol engine: the hooks every engine has.</summary>
public sealed class JsonProtocolOptions : ProtocolOptions;
