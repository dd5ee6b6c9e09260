using Licentia.Aws;
using Licentia.Aws.Sts;
using Licentia.Core.Errors;
using Licentia.Core.Sessions;
using Licentia.Server.Wire;

namespace Licentia.Server.Sts;

/// <summary>
/// The STS operations Licentia serves: AssumeRoleWithWebIdentity (unsigned, as botocore sends it) exchanges an access
/// token from License Manager GetAccessToken for temporary credentials; GetCallerIdentity tells any signed caller who
/// it is. Rules live in <see cref="SessionManager"/> and Licentia.Core.Tokens.
/// </summary>
public sealed class StsApi(SessionManager sessions, CallerContext caller)
{
    public const string QueryValidationError = "ValidationError";

    public async Task<AssumeRoleWithWebIdentityResponse> AssumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest request, CancellationToken ct)
    {
        AssumedSession assumed;
        try
        {
            assumed = await sessions.AssumeRoleWithWebIdentityAsync(
                request.WebIdentityToken, request.RoleArn!, request.RoleSessionName!, request.DurationSeconds, ct);
        }
        catch (ValidationException e)
        {
            throw new AwsErrorException(QueryValidationError, e.Message);
        }

        var stored = assumed.Stored;
        return new AssumeRoleWithWebIdentityResponse
        {
            Credentials = new Credentials
            {
                AccessKeyId = stored.AccessKeyId,
                SecretAccessKey = assumed.SecretAccessKey,
                SessionToken = assumed.SessionToken,
                Expiration = stored.ExpiresAt,
            },
            SubjectFromWebIdentityToken = assumed.Subject,
            AssumedRoleUser = new AssumedRoleUser { Arn = stored.AssumedRoleArn, AssumedRoleId = stored.AssumedRoleId },
            Provider = assumed.Provider,
            Audience = assumed.Audience,
        };
    }

    public async Task<GetCallerIdentityResponse> GetCallerIdentity(GetCallerIdentityRequest request, CancellationToken ct)
    {
        var account = caller.Scope.AccountId;
        if (caller.Kind == PrincipalKind.Session && await sessions.ResolveAsync(caller.AccessKeyId, ct) is { } session)
        {
            return new GetCallerIdentityResponse { Account = account, Arn = session.Stored.AssumedRoleArn, UserId = session.Stored.AssumedRoleId };
        }

        // Account keys (the first account's and those of `account create`) act as the account's root user.
        return new GetCallerIdentityResponse { Account = account, Arn = $"arn:aws:iam::{account}:root", UserId = account };
    }
}
