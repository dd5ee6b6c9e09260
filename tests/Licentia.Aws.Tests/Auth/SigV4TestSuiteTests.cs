using Licentia.Aws.Auth;

namespace Licentia.Aws.Tests.Auth;

/// <summary>
/// Runs every case of the AWS SigV4 test suite, including the four botocore skips: get-space
/// (its raw space is read by taking the target between the first and last space of the request
/// line) and the three repeated-query-key cases (the canonical query keeps every pair).
/// </summary>
public sealed class SigV4TestSuiteTests
{
    private readonly SigV4Signer _signer = new();

    [Fact]
    public void Suite_is_present_with_all_its_cases()
    {
        Assert.Equal(34, SigV4TestSuite.CaseNames.Count);
        Assert.Contains("normalize-path/get-space", SigV4TestSuite.CaseNames);
        Assert.Contains("get-vanilla-query-order-key-case", SigV4TestSuite.CaseNames);
    }

    [Theory]
    [MemberData(nameof(SigV4TestSuite.AllCases), MemberType = typeof(SigV4TestSuite))]
    public void Canonical_request_matches_creq(string caseName) =>
        Assert.Equal(SigV4TestSuite.ReadExpected(caseName, "creq"), Sign(caseName).CanonicalRequest);

    [Theory]
    [MemberData(nameof(SigV4TestSuite.AllCases), MemberType = typeof(SigV4TestSuite))]
    public void String_to_sign_matches_sts(string caseName) =>
        Assert.Equal(SigV4TestSuite.ReadExpected(caseName, "sts"), Sign(caseName).StringToSign);

    [Theory]
    [MemberData(nameof(SigV4TestSuite.AllCases), MemberType = typeof(SigV4TestSuite))]
    public void Authorization_matches_authz(string caseName) =>
        Assert.Equal(SigV4TestSuite.ReadExpected(caseName, "authz"), Sign(caseName).Authorization);

    [Theory]
    [MemberData(nameof(SigV4TestSuite.CasesWithConsistentSreq), MemberType = typeof(SigV4TestSuite))]
    public async Task Signed_request_sreq_verifies(string caseName)
    {
        var sreq = SigV4TestSuite.Load(caseName, "sreq");
        var verifier = SigV4TestSuite.Verifier(SigV4TestSuite.SessionToken(caseName));

        var result = await verifier.VerifyAsync(sreq.ToRequest());

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(SigV4TestSuite.AccessKeyId, result.Identity.AccessKeyId);
        Assert.Equal(SigV4TestSuite.AccountId, result.Identity.AccountId);
        Assert.Equal(SigV4TestSuite.Region, result.Identity.Region);
        Assert.Equal(SigV4TestSuite.Service, result.Identity.Service);
        Assert.Equal(SigV4TestSuite.SigningTime, result.Identity.SigningTime);
        Assert.False(result.Identity.IsPresigned);
    }

    [Fact]
    public async Task Session_token_case_verifies_with_its_authz_and_its_inconsistent_sreq_is_refused()
    {
        const string caseName = SigV4TestSuite.InconsistentSreqCase;
        var token = SigV4TestSuite.SessionToken(caseName);
        var verifier = SigV4TestSuite.Verifier(token);

        var fromSreq = await verifier.VerifyAsync(SigV4TestSuite.Load(caseName, "sreq").ToRequest());
        Assert.False(fromSreq.Succeeded);
        Assert.Equal(SigV4FailureReason.SignatureMismatch, fromSreq.Failure.Reason);

        var request = SigV4TestSuite.Load(caseName, "req").ToRequest();
        request.Headers.Add(SigV4Names.SecurityTokenHeader, token!);
        request.Headers.Add(SigV4Names.AuthorizationHeader, SigV4TestSuite.ReadExpected(caseName, "authz"));
        var fromAuthz = await verifier.VerifyAsync(request);
        Assert.True(fromAuthz.Succeeded, fromAuthz.ToString());
        Assert.Equal(token, fromAuthz.Identity.SessionToken);
    }

    private SigV4SigningResult Sign(string caseName)
    {
        var token = SigV4TestSuite.SignsSessionToken(caseName) ? SigV4TestSuite.SessionToken(caseName) : null;
        return _signer.Sign(SigV4TestSuite.Load(caseName, "req").ToRequest(), SigV4TestSuite.Parameters(token));
    }
}
