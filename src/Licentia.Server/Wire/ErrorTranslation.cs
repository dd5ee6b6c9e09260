using Licentia.Aws;
using Licentia.Core.Compute.Errors;
using Licentia.Core.Errors;

namespace Licentia.Server.Wire;

/// <summary>
/// Domain errors carry their AWS error code; the wire needs only code, message and (for EC2, whose codes are not
/// model shapes) the HTTP status. License Manager's errors are <see cref="ServiceException"/>s, EC2's
/// <see cref="Ec2Exception"/>s (dotted codes such as InvalidAMIID.NotFound; DryRunOperation is 412).
/// </summary>
internal static class ErrorTranslation
{
    public static AwsError? Translate(Exception exception) => exception switch
    {
        ServiceException { IsFault: true } fault => AwsError.Fault(fault.ErrorCode, fault.Message),
        ServiceException error => AwsError.Client(error.ErrorCode, error.Message),
        Ec2Exception ec2 => new AwsError(ec2.Code, ec2.Message) { StatusCode = ec2.HttpStatusCode },
        _ => null,
    };
}
