using Licentia.Aws.Json;
using Licentia.Aws.LicenseManager;
using Licentia.Aws.Model;

namespace Licentia.Aws.Tests.Json;

public class HandlerBindingTests
{
    private static readonly ServiceModel Model = ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName);

    public sealed class WrongInputType
    {
        public Task<CreateLicenseConfigurationResponse> CreateLicenseConfiguration(GetLicenseConfigurationRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    public sealed class MissingCancellationToken
    {
        public Task<GetLicenseConfigurationResponse> GetLicenseConfiguration(GetLicenseConfigurationRequest request) =>
            throw new NotSupportedException();
    }

    public sealed class Synchronous
    {
        public GetLicenseConfigurationResponse GetLicenseConfiguration(GetLicenseConfigurationRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    public sealed class Overloaded
    {
        public Task<GetLicenseConfigurationResponse> GetLicenseConfiguration(GetLicenseConfigurationRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<GetLicenseConfigurationResponse> GetLicenseConfiguration(string arn) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(typeof(WrongInputType), "public Task<CreateLicenseConfigurationResponse> CreateLicenseConfiguration(CreateLicenseConfigurationRequest request, CancellationToken cancellationToken)")]
    [InlineData(typeof(MissingCancellationToken), "GetLicenseConfiguration(GetLicenseConfigurationRequest request, CancellationToken cancellationToken)")]
    [InlineData(typeof(Synchronous), "public Task<GetLicenseConfigurationResponse>")]
    [InlineData(typeof(Overloaded), "several methods named GetLicenseConfiguration")]
    public void Misdeclared_handler_methods_fail_at_startup(Type handlerType, string expected)
    {
        var create = typeof(JsonServiceBinding).GetMethod(nameof(JsonServiceBinding.Create))!.MakeGenericMethod(handlerType);
        var factory = Delegate.CreateDelegate(
            typeof(Func<,>).MakeGenericType(typeof(AwsHttpRequest), handlerType),
            typeof(HandlerBindingTests).GetMethod(nameof(Never), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(handlerType));

        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => create.Invoke(null, [Model, LicenseManagerOperations.All, factory]));

        var inner = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains(expected, inner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_that_does_not_match_the_model_fails_at_startup()
    {
        var stale = LicenseManagerOperations.All.Skip(1).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => JsonServiceBinding.Create(Model, stale, _ => new FakeLicenseManagerApi()));

        Assert.Contains("regenerate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_json_models_are_refused()
    {
        var query = ServiceModel.Parse("q", """{"metadata":{"apiVersion":"1","endpointPrefix":"q","protocol":"query","serviceId":"Q","serviceFullName":"Q"},"operations":{},"shapes":{}}"""u8);

        Assert.Throws<InvalidOperationException>(() => JsonServiceBinding.Create(query, [], _ => new FakeLicenseManagerApi()));
    }

    private static T Never<T>(AwsHttpRequest request) => throw new NotSupportedException();
}
