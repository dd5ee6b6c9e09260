namespace Licentia.Aws.Tests.Json;

// Stand-ins for the domain's exceptions, which are named after AWS error codes and live in Core.
public class FakeServiceException(string message) : Exception(message);

public sealed class ResourceLimitExceededException(string message) : FakeServiceException(message);

public sealed class ServerInternalException(string message) : FakeServiceException(message);
