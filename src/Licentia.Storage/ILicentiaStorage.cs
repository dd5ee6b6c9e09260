using Licentia.Core.Accounts;
using Licentia.Core.Compute;
using Licentia.Core.Entitlements.Consumption;
using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Idempotency;
using Licentia.Core.Inventory;
using Licentia.Core.Inventory.Resources;
using Licentia.Core.Keys;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using Licentia.Core.Sessions;
using Licentia.Core.Tagging;
using Licentia.Core.Tokens;

namespace Licentia.Storage;

/// <summary>
/// Everything the server needs from persistence, whatever the engine underneath.
/// Open one with <c>SqliteStorage.Open</c> or <c>PostgresStorage.Open</c>, call
/// <see cref="MigrateAsync"/> once at start-up, share the instance for the process lifetime.
/// </summary>
public interface ILicentiaStorage : IAsyncDisposable
{
    IAccountStore Accounts { get; }

    ILicenseConfigurationStore LicenseConfigurations { get; }

    ITagStore Tags { get; }

    IIdempotencyStore Idempotency { get; }

    /// <summary>EC2 images, instances, Dedicated Hosts and launch templates.</summary>
    IComputeStore Compute { get; }

    /// <summary>License associations, usage, failure records and the licensing transaction.</summary>
    ILicensingStore Licensing { get; }

    ISigningKeyStore SigningKeys { get; }

    /// <summary>Seller-issued licenses with their versions.</summary>
    ILicenseStore Licenses { get; }

    /// <summary>Grants of seller-issued licenses with their versions.</summary>
    IGrantStore Grants { get; }

    /// <summary>Check-outs of seller-issued licenses (consumption), counted per license under a lock.</summary>
    IConsumptionStore Consumption { get; }

    /// <summary>Hybrid activations, managed nodes, their access keys and their inventory (SSM).</summary>
    IInventoryStore Inventory { get; }

    /// <summary>Refresh tokens of customers without an account (License Manager CreateToken).</summary>
    ITokenStore Tokens { get; }

    /// <summary>Temporary credentials from STS AssumeRoleWithWebIdentity.</summary>
    ISessionStore Sessions { get; }

    /// <summary>EC2 instances and managed servers as ListResourceInventory lists them.</summary>
    IResourceInventoryStore ResourceInventory { get; }

    /// <summary>
    /// Brings the schema up to date. Safe to call again and safe to call from several processes
    /// at once: already applied migrations are skipped and concurrent callers are serialized.
    /// </summary>
    Task MigrateAsync(CancellationToken ct);
}
