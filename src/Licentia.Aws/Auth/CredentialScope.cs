namespace Licentia.Aws.Auth;

/// <summary>
/// The "date/region/service/aws4_request" part of a credential. The server takes the region from
/// here: it is the region the client believed it was calling.
/// </summary>
public sealed record CredentialScope(string Date, string Region, string Service, string Terminator = SigV4Names.ScopeTerminator)
{
    public override string ToString() => $"{Date}/{Region}/{Service}/{Terminator}";
}
