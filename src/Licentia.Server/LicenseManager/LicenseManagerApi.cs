using Licentia.Aws.LicenseManager;
using Licentia.Aws.Model;
using Licentia.Core.LicenseConfigurations;
using Licentia.Server.Wire;

namespace Licentia.Server.LicenseManager;

/// <summary>
/// The License Manager operations, one method per operation named after it, grouped by area in
/// partial files. Each maps the generated request to a core call and the result back; rules
/// live in Licentia.Core.
/// </summary>
public sealed partial class LicenseManagerApi(
    LicenseConfigurationManager configurations,
    Licentia.Core.Licensing.LicenseAssociationManager associations,
    Licentia.Core.Entitlements.Licenses.IssuedLicenseManager licenses,
    Licentia.Core.Entitlements.Grants.GrantManager grants,
    Licentia.Core.Entitlements.Consumption.ConsumptionManager consumption,
    Licentia.Core.Entitlements.EntitlementTagManager entitlementTags,
    CallerContext caller,
    ListPaging paging,
    Licentia.Core.Tokens.TokenManager tokens,
    Licentia.Core.Inventory.Resources.ResourceInventoryManager resourceInventory,
    Licentia.Core.Inventory.Discovery.DiscoveryTrigger discovery)
{
    private static readonly ServiceModel Model = ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName);

    private static OperationModel Operation(string name) => Model.Operations[name];
}
