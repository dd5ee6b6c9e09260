using Licentia.Aws.LicenseManager;
using Licentia.Aws.Model;
using Licentia.Server.Sts;
using Licentia.Server.Wire;

namespace Licentia.Server.Tests;

/// <summary>The allow-list of session callers (customers without an account): consumption only, and sts:GetCallerIdentity.</summary>
public sealed class StsSessionPolicyTests
{
    [Theory]
    [InlineData("AKIAABCDEFGHIJKLMNOP", PrincipalKind.Account)]
    [InlineData("ASIAABCDEFGHIJKLMNOP", PrincipalKind.Session)]
    [InlineData("AKMIABCDEFGHIJKLMNOP", PrincipalKind.Account)]
    public void The_kind_of_caller_comes_from_the_access_key_id(string accessKeyId, PrincipalKind kind) =>
        Assert.Equal(kind, SessionPrincipalPolicy.KindOf(accessKeyId));

    [Fact]
    public void Sessions_may_only_consume_licenses_and_ask_who_they_are()
    {
        Assert.True(SessionPrincipalPolicy.Allows(PrincipalKind.Session, json: true, "license-manager", "AWSLicenseManager.CheckoutLicense"));
        Assert.True(SessionPrincipalPolicy.Allows(PrincipalKind.Session, json: false, "sts", "GetCallerIdentity"));
        Assert.False(SessionPrincipalPolicy.Allows(PrincipalKind.Session, json: true, "license-manager", "AWSLicenseManager.CreateToken"));
        Assert.False(SessionPrincipalPolicy.Allows(PrincipalKind.Session, json: true, "kms", "TrentService.Sign"));
        Assert.False(SessionPrincipalPolicy.Allows(PrincipalKind.Session, json: false, "ec2", "RunInstances"));
        Assert.True(SessionPrincipalPolicy.Allows(PrincipalKind.Account, json: true, "license-manager", "AWSLicenseManager.CreateToken"));
    }

    [Fact]
    public void Every_allowed_target_is_an_operation_of_the_License_Manager_model()
    {
        var model = ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName);
        foreach (var target in SessionPrincipalPolicy.JsonTargets)
        {
            Assert.StartsWith("AWSLicenseManager.", target, StringComparison.Ordinal);
            Assert.True(model.Operations.ContainsKey(target["AWSLicenseManager.".Length..]), target);
        }
    }
}
