using Licentia.Aws.LicenseManager;
using Licentia.Aws.Model;

namespace Licentia.Aws.Tests.Model;

public class ServiceModelTests
{
    private static ServiceModel LicenseManager => ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName);

    [Fact]
    public void Embedded_models_are_named_by_their_spec_folder() =>
        Assert.Contains("license-manager", ServiceModel.EmbeddedModelNames);

    [Fact]
    public void Metadata_is_read()
    {
        var metadata = LicenseManager.Metadata;

        Assert.Equal("json", metadata.Protocol);
        Assert.Equal("AWSLicenseManager", metadata.TargetPrefix);
        Assert.Equal("license-manager", metadata.SigningName);
        Assert.Equal("1.1", metadata.JsonVersion);
    }

    [Fact]
    public void Operations_and_shapes_are_resolved()
    {
        var operation = LicenseManager.Operations["CreateLicenseConfiguration"];

        Assert.Equal("CreateLicenseConfigurationRequest", operation.Input!.Name);
        Assert.Equal("CreateLicenseConfigurationResponse", operation.Output!.Name);
        Assert.True(operation.Input.FindMember("Name")!.IsRequired);
        Assert.Equal(["vCPU", "Instance", "Core", "Socket"], operation.Input.FindMember("LicenseCountingType")!.Shape.EnumValues!);
        Assert.Equal(ShapeType.Structure, operation.Input.FindMember("ProductInformationList")!.Shape.ListMember!.Shape.Type);
    }

    [Fact]
    public void Error_codes_follow_the_declared_errors()
    {
        var operation = LicenseManager.Operations["CreateLicenseConfiguration"];

        Assert.Equal("InvalidParameterValueException", operation.ValidationErrorCode);
        Assert.Equal("ServerInternalException", operation.FaultErrorCode);
        Assert.True(LicenseManager.Shapes["ServerInternalException"].IsFault);
        Assert.False(LicenseManager.Shapes["ValidationException"].IsFault);
    }

    [Fact]
    public void Operation_table_matches_the_model()
    {
        Assert.Equal(
            LicenseManager.Operations.Keys.Order(StringComparer.Ordinal),
            LicenseManagerOperations.All.Select(o => o.Name));
        var createGrant = LicenseManagerOperations.All.Single(o => o.Name == "CreateGrant");
        Assert.Equal(typeof(CreateGrantRequest), createGrant.InputType);
        Assert.Equal(typeof(CreateGrantResponse), createGrant.OutputType);
        Assert.Contains("ValidationException", createGrant.Errors);
    }

    [Fact]
    public void Unknown_models_are_refused() =>
        Assert.Throws<ArgumentException>(() => ServiceModel.LoadEmbedded("no-such-service"));
}
