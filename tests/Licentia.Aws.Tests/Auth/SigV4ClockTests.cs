using Licentia.Aws.Auth;

namespace Licentia.Aws.Tests.Auth;

/// <summary>The 15-minute skew window of the header form and the X-Amz-Expires window of presigned URLs.</summary>
public sealed class SigV4ClockTests
{
    private static readonly DateTimeOffset SignedAt = SignedRequests.Now;

    [Theory]
    [InlineData(0)]
    [InlineData(15 * 60)]
    [InlineData(-15 * 60)]
    public async Task Header_form_is_accepted_up_to_fifteen_minutes_either_way(int serverOffsetSeconds)
    {
        var result = await VerifyAt(SignedRequests.SignedRequest(), SignedAt.AddSeconds(serverOffsetSeconds));
        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task Header_form_one_second_past_fifteen_minutes_old_has_expired()
    {
        var result = await VerifyAt(SignedRequests.SignedRequest(), SignedAt.AddMinutes(15).AddSeconds(1));

        Assert.Equal(SigV4FailureReason.SignatureExpired, result.Failure!.Reason);
        Assert.Equal("Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 15 min.)", result.Failure.Message);
    }

    [Fact]
    public async Task Header_form_one_second_beyond_fifteen_minutes_ahead_is_not_yet_current()
    {
        var result = await VerifyAt(SignedRequests.SignedRequest(), SignedAt.AddMinutes(-15).AddSeconds(-1));

        Assert.Equal(SigV4FailureReason.SignatureNotYetCurrent, result.Failure!.Reason);
        Assert.Equal("Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z (20150830T122059Z + 15 min.)", result.Failure.Message);
    }

    [Fact]
    public async Task The_allowed_skew_is_configurable()
    {
        var verifier = SignedRequests.Verifier(new FixedTimeProvider(SignedAt.AddMinutes(6)), new SigV4VerifierOptions { AllowedClockSkew = TimeSpan.FromMinutes(5) });
        var result = await verifier.VerifyAsync(SignedRequests.SignedRequest());
        Assert.Equal("Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T124200Z - 5 min.)", result.Failure!.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3600)]
    public async Task Presigned_url_is_valid_from_its_date_until_its_expiry(int secondsLater)
    {
        var request = SignedRequests.Presign(SignedRequests.NewGet(), TimeSpan.FromHours(1), StsParameters());

        var result = await VerifyAt(request, SignedAt.AddSeconds(secondsLater));

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(result.Identity.IsPresigned);
        Assert.Equal("sts", result.Identity.Service);
    }

    [Fact]
    public async Task Presigned_url_one_second_after_its_expiry_has_expired()
    {
        var request = SignedRequests.Presign(SignedRequests.NewGet(), TimeSpan.FromSeconds(90), StsParameters());

        var result = await VerifyAt(request, SignedAt.AddSeconds(91));

        Assert.Equal(SigV4FailureReason.PresignedUrlExpired, result.Failure!.Reason);
        Assert.Equal("Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T123731Z - 90 sec.)", result.Failure.Message);
    }

    [Fact]
    public async Task Presigned_url_may_live_a_week_but_no_longer()
    {
        var week = SignedRequests.Presign(SignedRequests.NewGet(), TimeSpan.FromSeconds(SigV4Names.MaxPresignedExpirySeconds), StsParameters());
        Assert.True((await VerifyAt(week, SignedAt.AddDays(7))).Succeeded);
        Assert.Equal(SigV4FailureReason.PresignedUrlExpired, (await VerifyAt(week, SignedAt.AddDays(7).AddSeconds(1))).Failure!.Reason);

        var tooLong = SignedRequests.With(week, rawQuery: week.RawQuery.Replace("X-Amz-Expires=604800", "X-Amz-Expires=604801", StringComparison.Ordinal));
        var result = await VerifyAt(tooLong, SignedAt);
        Assert.Equal(SigV4FailureReason.IncompleteSignature, result.Failure!.Reason);
        Assert.Equal("X-Amz-Expires must be less than a week (in seconds) that is 604800", result.Failure.Message);
    }

    [Fact]
    public async Task Presigned_url_dated_beyond_the_skew_is_not_yet_current()
    {
        var request = SignedRequests.Presign(SignedRequests.NewGet(), TimeSpan.FromHours(1), StsParameters());
        var result = await VerifyAt(request, SignedAt.AddMinutes(-16));
        Assert.Equal(SigV4FailureReason.SignatureNotYetCurrent, result.Failure!.Reason);
    }

    [Fact]
    public async Task Presigned_url_with_a_changed_parameter_does_not_match()
    {
        var request = SignedRequests.Presign(SignedRequests.NewGet(), TimeSpan.FromHours(1), StsParameters());
        var tampered = SignedRequests.With(request, rawQuery: request.RawQuery.Replace("GetCallerIdentity", "AssumeRole", StringComparison.Ordinal));
        Assert.Equal(SigV4FailureReason.SignatureMismatch, (await VerifyAt(tampered, SignedAt)).Failure!.Reason);
    }

    [Fact]
    public async Task Presigned_url_with_missing_parameters_lists_them()
    {
        var request = SignedRequests.With(SignedRequests.NewGet(), rawQuery: "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-SignedHeaders=host");
        var result = await VerifyAt(request, SignedAt);
        Assert.Equal(SigV4FailureReason.IncompleteSignature, result.Failure!.Reason);
        Assert.Equal(
            "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. "
            + "AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.",
            result.Failure.Message);
    }

    [Fact]
    public async Task Presigned_url_carries_a_session_token_in_the_query()
    {
        var parameters = SignedRequests.Parameters(service: "sts", accessKeyId: SignedRequests.TempAccessKeyId, token: SignedRequests.TempToken);
        var request = SignedRequests.Presign(SignedRequests.NewGet(), TimeSpan.FromMinutes(15), parameters);
        Assert.Contains("X-Amz-Security-Token=IQoJb3JpZ2luEXAMPLE%2F%2Ftoken%3D%3D", request.RawQuery, StringComparison.Ordinal);

        var result = await VerifyAt(request, SignedAt);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(SignedRequests.TempToken, result.Identity.SessionToken);
    }

    private static SigV4SigningParameters StsParameters() => SignedRequests.Parameters(service: "sts");

    private static ValueTask<SigV4VerificationResult> VerifyAt(SigV4Request request, DateTimeOffset now) =>
        SignedRequests.Verifier(new FixedTimeProvider(now)).VerifyAsync(request);
}
