using Licentia.Aws.Dispatch;

namespace Licentia.Aws.Query;

/// <summary>
/// What the host plugs into the query protocol engine: the hooks every engine has. For a query service whose
/// model gives an error shape a wire code of its own (STS's MalformedPolicyDocumentException is
/// "MalformedPolicyDocument"), the translator may return the shape name: the engine writes the model's code.
/// </summary>
public sealed class QueryProtocolOptions : ProtocolOptions;
