using Licentia.Aws.Ec2;
using Licentia.Aws.Sts;

namespace Licentia.Aws.Tests.Query;

/// <summary>A domain error named after an AWS code, as the core's are.</summary>
public sealed class FakeQueryDomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Records the request it was given and answers with what the test set up.</summary>
public sealed class TestEc2Api
{
    public object? LastRequest { get; private set; }

    public Reservation Reservation { get; set; } = new();

    public DescribeHostsResult Hosts { get; set; } = new();

    public Task<Reservation> RunInstances(RunInstancesRequest request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        return Task.FromResult(Reservation);
    }

    public Task<DescribeInstancesResult> DescribeInstances(DescribeInstancesRequest request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        return Task.FromResult(new DescribeInstancesResult { Reservations = [Reservation] });
    }

    public Task<DescribeHostsResult> DescribeHosts(DescribeHostsRequest request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        return Task.FromResult(Hosts);
    }

    public Task<TerminateInstancesResult> TerminateInstances(TerminateInstancesRequest request, CancellationToken cancellationToken) =>
        throw new FakeQueryDomainException("InvalidInstanceID.NotFound", $"The instance ID '{request.InstanceIds![0]}' does not exist");

    public Task<StopInstancesResult> StopInstances(StopInstancesRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("secret internals");
}

public sealed class TestStsApi
{
    public object? LastRequest { get; private set; }

    public Task<AssumeRoleWithWebIdentityResponse> AssumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        if (request.WebIdentityToken == "rejected")
        {
            throw new FakeQueryDomainException("IDPRejectedClaimException", "The token was rejected.");
        }

        return Task.FromResult(new AssumeRoleWithWebIdentityResponse
        {
            Credentials = new Credentials
            {
                AccessKeyId = "ASIAEXAMPLE",
                SecretAccessKey = "secret/+=",
                SessionToken = "token<&>",
                Expiration = new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
            },
            AssumedRoleUser = new AssumedRoleUser { Arn = "arn:aws:sts::123456789012:assumed-role/r/s", AssumedRoleId = "AROA:s" },
            SubjectFromWebIdentityToken = "subject",
            PackedPolicySize = 6,
            Provider = "accounts.example.com",
            Audience = "client",
        });
    }

    public Task<GetCallerIdentityResponse> GetCallerIdentity(GetCallerIdentityRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GetCallerIdentityResponse { UserId = "AIDA", Account = "123456789012", Arn = "arn:aws:iam::123456789012:user/u" });
}
