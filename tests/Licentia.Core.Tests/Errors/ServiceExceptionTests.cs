using System.Text.Json;
using Licentia.Core.Errors;

namespace Licentia.Core.Tests.Errors;

public class ServiceExceptionTests
{
    private static IEnumerable<Type> DomainErrorTypes =>
        typeof(ServiceException).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ServiceException)));

    public static TheoryData<Type> ErrorTypes() => [.. DomainErrorTypes];

    [Theory]
    [MemberData(nameof(ErrorTypes))]
    public void Every_error_is_an_error_shape_of_the_model_with_matching_fault(Type type)
    {
        // License Manager's errors, and KMS's for the signing-key service (NotFoundException, InvalidKeyUsageException, ...).
        using var model = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("specs", "aws", "license-manager", "service-2.json")));
        using var kms = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("specs", "aws", "kms", "service-2.json")));
        var shapes = model.RootElement.GetProperty("shapes");
        if (!shapes.TryGetProperty(type.Name, out _))
        {
            shapes = kms.RootElement.GetProperty("shapes");
        }

        // STS's, for AssumeRoleWithWebIdentity (Licentia.Core.Sessions.Errors).
        using var sts = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("specs", "aws", "sts", "service-2.json")));
        if (!shapes.TryGetProperty(type.Name, out _))
        {
            shapes = sts.RootElement.GetProperty("shapes");
        }

        Assert.True(shapes.TryGetProperty(type.Name, out var shape), $"{type.Name} is not a shape of the License Manager or KMS model.");
        Assert.True(shape.TryGetProperty("exception", out var exception) && exception.GetBoolean());
        var modelFault = shape.TryGetProperty("fault", out var fault) && fault.GetBoolean();
        var error = (ServiceException)Activator.CreateInstance(type, "message")!;
        Assert.Equal(type.Name, error.ErrorCode);
        Assert.Equal(modelFault, error.IsFault);
        Assert.Equal("message", error.Message);
    }

    [Fact]
    public void The_domain_errors_named_in_the_brief_all_exist()
    {
        string[] expected =
        [
            "InvalidParameterValueException", "ValidationException", "ResourceLimitExceededException", "ConflictException",
            "ResourceNotFoundException", "AccessDeniedException", "AuthorizationException", "FilterLimitExceededException",
            "ServerInternalException", "RateLimitExceededException", "InvalidResourceStateException", "LicenseUsageException",
            "NotFoundException", "InvalidKeyUsageException", "KMSInvalidSignatureException", "UnsupportedOperationException",
            "TagException", "LimitExceededException", "DryRunOperationException",
            "InvalidIdentityTokenException", "ExpiredTokenException", "IDPRejectedClaimException",
            "NoEntitlementsAllowedException", "UnsupportedDigitalSignatureMethodException",
        ];

        Assert.Equal(expected.Order(), DomainErrorTypes.Select(t => t.Name).Order());
    }

    [Fact]
    public void Only_ServerInternalException_is_a_fault()
    {
        Assert.True(new ServerInternalException("x").IsFault);
        Assert.False(new InvalidParameterValueException("x").IsFault);
    }
}
