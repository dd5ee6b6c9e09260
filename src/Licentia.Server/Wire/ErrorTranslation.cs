using Licentia.Aws;
using Licentia.Core.Errors;

namespace Licentia.Server.Wire;

/// <summary>Domain errors carry their AWS error code as their type name; the wire needs only code and message.</summary>
internal static class ErrorTranslation
{
    public static AwsError? Translate(Exception exception) => exception switch
    {
        ServiceException { IsFault: true } fault => AwsError.Fault(fault.ErrorCode, fault.Message),
        ServiceException error => AwsError.Client(error.ErrorCode, error.Message),
        _ => null,
    };
}
