using System.Reflection;
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
using Licentia.Storage.Db;
using Licentia.Storage.Migrations;
using Licentia.Storage.Stores;

namespace Licentia.Storage;

/// <summary>The engine-neutral storage: the same stores and migration runner over any dialect.</summary>
internal sealed class RelationalStorage : ILicentiaStorage
{
    private readonly Database _db;
    private readonly Assembly _migrationsAssembly;

    public RelationalStorage(IConnectionFactory connections, SqlDialect dialect, Assembly migrationsAssembly)
    {
        _db = new Database(connections, dialect);
        _migrationsAssembly = migrationsAssembly;
        Accounts = new AccountStore(_db);
        LicenseConfigurations = new LicenseConfigurationStore(_db);
        Tags = new TagStore(_db);
        Idempotency = new IdempotencyStore(_db);
        Compute = new ComputeStore(_db);
        Licensing = new LicensingStore(_db);
        SigningKeys = new SigningKeyStore(_db);
        Licenses = new LicenseStore(_db);
        Grants = new GrantStore(_db);
        Consumption = new ConsumptionStore(_db);
        Inventory = new InventoryStore(_db);
        ResourceInventory = new ResourceInventoryStore(_db);
        Tokens = new TokenStore(_db);
        Sessions = new SessionStore(_db);
    }

    public IAccountStore Accounts { get; }

    public ILicenseConfigurationStore LicenseConfigurations { get; }

    public ITagStore Tags { get; }

    public IIdempotencyStore Idempotency { get; }

    public IComputeStore Compute { get; }

    public ILicensingStore Licensing { get; }

    public ISigningKeyStore SigningKeys { get; }

    public ILicenseStore Licenses { get; }

    public IGrantStore Grants { get; }

    public IConsumptionStore Consumption { get; }

    public IInventoryStore Inventory { get; }

    public IResourceInventoryStore ResourceInventory { get; }

    public ITokenStore Tokens { get; }

    public ISessionStore Sessions { get; }

    public Task MigrateAsync(CancellationToken ct) =>
        new MigrationRunner(_db, MigrationScript.LoadFrom(_migrationsAssembly)).RunAsync(ct);

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
