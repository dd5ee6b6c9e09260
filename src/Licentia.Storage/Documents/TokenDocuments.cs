using Licentia.Core.Sessions;
using Licentia.Core.Tokens;

namespace Licentia.Storage.Documents;

/// <summary>The members of a refresh token no query uses.</summary>
internal sealed record TokenDocument(IReadOnlyList<string> RoleArns, IReadOnlyList<string> TokenProperties)
{
    public static TokenDocument From(LicenseToken token) => new(token.RoleArns, token.TokenProperties);
}

/// <summary>The members of a session no query uses.</summary>
internal sealed record SessionDocument(string RoleArn, string RoleSessionName, string AssumedRoleArn, string AssumedRoleId)
{
    public static SessionDocument From(SessionCredential session) =>
        new(session.RoleArn, session.RoleSessionName, session.AssumedRoleArn, session.AssumedRoleId);
}
