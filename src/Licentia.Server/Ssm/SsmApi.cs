using Licentia.Aws.Model;
using Licentia.Aws.Ssm;
using Licentia.Core.Inventory;
using Licentia.Server.Wire;

namespace Licentia.Server.Ssm;

/// <summary>
/// The Systems Manager operations Licentia serves (hybrid activations, managed nodes, inventory), one method per
/// operation named after it, grouped by area in partial files. Each maps the generated request to an
/// <see cref="InventoryManager"/> call and the result back; rules live in Licentia.Core.Inventory.
/// </summary>
public sealed partial class SsmApi(InventoryManager inventory, CallerContext caller, ListPaging paging)
{
    private const string InvalidNextToken = "InvalidNextToken";

    private static readonly ServiceModel Model = ServiceModel.LoadEmbedded(SsmOperations.ModelName);

    private static OperationModel Operation(string name) => Model.Operations[name];

    /// <summary>An account principal, or the managed node whose own credentials signed the request.</summary>
    private Task<InventoryCaller> CallerAsync(CancellationToken ct) => inventory.ResolveCallerAsync(caller.Scope, caller.AccessKeyId, ct);

    private string? Cursor<TRequest>(string operation, TRequest request, string? nextToken) =>
        paging.ReadCursor(Operation(operation), request, nextToken, InvalidNextToken);

    private string? Token<TRequest>(string operation, TRequest request, string? cursor) => paging.IssueToken(Operation(operation), request, cursor);
}
