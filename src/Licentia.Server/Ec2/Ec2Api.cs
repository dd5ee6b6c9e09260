using Licentia.Aws.Ec2;
using Licentia.Aws.Model;
using Licentia.Core.Compute;
using Licentia.Core.Compute.Errors;
using Licentia.Server.Wire;

namespace Licentia.Server.Ec2;

/// <summary>
/// The EC2 operations Licentia serves (images, instances, Dedicated Hosts, launch templates: what launch-time
/// license enforcement needs), one method per operation named after it, grouped by area in partial files. Each
/// maps the generated request to a <see cref="ComputeManager"/> call and the result back; rules live in
/// Licentia.Core.Compute and Licentia.Core.Licensing.
/// </summary>
public sealed partial class Ec2Api(ComputeManager compute, CallerContext caller, ListPaging paging)
{
    private static readonly ServiceModel Model = ServiceModel.LoadEmbedded(Ec2Operations.ModelName);

    private static OperationModel Operation(string name) => Model.Operations[name];

    /// <summary>
    /// DryRun of an operation the core does not simulate (describe, register, create): EC2's DryRun checks the
    /// caller's permission only, and Licentia grants every signed caller every EC2 operation in its own scope.
    /// </summary>
    private static void AnswerDryRun(bool? dryRun)
    {
        if (dryRun == true)
        {
            throw new DryRunOperation(Ec2Mapping.DryRunMessage);
        }
    }

    private string? ReadCursor<TRequest>(string operation, TRequest request, string? nextToken) =>
        paging.ReadCursor(Operation(operation), request, nextToken, ListPaging.Ec2InvalidTokenCode);

    private string? IssueToken<TRequest>(string operation, TRequest request, string? cursor) =>
        paging.IssueToken(Operation(operation), request, cursor);
}
