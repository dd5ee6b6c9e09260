using Licentia.Aws;
using Licentia.Core.Inventory.Errors;

namespace Licentia.Server.Ssm;

/// <summary>SSM's domain errors carry their AWS error code as their type name; the wire needs only code and message.</summary>
internal static class SsmErrorTranslation
{
    public static AwsError? Translate(Exception exception) =>
        exception is SsmException error ? AwsError.Client(error.ErrorCode, error.Message) : null;
}
