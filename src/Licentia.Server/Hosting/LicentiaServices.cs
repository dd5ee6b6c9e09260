using System.Security.Cryptography;
using System.Text;
using Licentia.Aws.Auth;
using Licentia.Aws.Ec2;
using Licentia.Aws.Json;
using Licentia.Aws.Kms;
using Licentia.Aws.LicenseManager;
using Licentia.Aws.Model;
using Licentia.Aws.Pagination;
using Licentia.Aws.Query;
using Licentia.Aws.Ssm;
using Licentia.Aws.Sts;
using Licentia.Core;
using Licentia.Core.Accounts;
using Licentia.Core.Compute;
using Licentia.Core.Inventory;
using Licentia.Core.Keys;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using Licentia.Core.Security;
using Licentia.Core.Sessions;
using Licentia.Core.Tokens;
using Licentia.Server.Agent;
using Licentia.Server.Ec2;
using Licentia.Server.Kms;
using Licentia.Server.LicenseManager;
using Licentia.Server.Ssm;
using Licentia.Server.Sts;
using Licentia.Server.Wire;
using Licentia.Storage;
using Microsoft.Extensions.Options;

namespace Licentia.Server.Hosting;

/// <summary>The composition of the server: what Program.cs and the command line add to their service collections.</summary>
internal static class LicentiaServices
{
    /// <summary>Options, storage, secrets and the core managers: all the command line needs too.</summary>
    public static IServiceCollection AddLicentiaCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LicentiaOptions>().Bind(configuration.GetSection(LicentiaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SigningKeyOptions>().Bind(configuration.GetSection(LicentiaOptions.Section + ":SigningKeys"))
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddOptions<LicensingQuotas>().Bind(configuration.GetSection(LicentiaOptions.Section + ":Quotas"))
            .Validate(q => { q.Validate(); return true; }).ValidateOnStart();
        services.AddOptions<TestClockOptions>().Bind(configuration.GetSection(TestClockOptions.Section));
        // The domain clock. Tests may start the server with a clock they move (never enabled by default).
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TestClockOptions>>().Value.Enabled ? new TestClock() : TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LicensingQuotas>>().Value);
        services.AddSingleton(sp => StorageSetup.Open(sp.GetRequiredService<IOptions<LicentiaOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().Accounts);
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().LicenseConfigurations);
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().Tags);
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().Idempotency);
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().SigningKeys);
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().Inventory);
        services.AddSingleton(sp => new Core.Inventory.Resources.ResourceInventoryManager(
            sp.GetRequiredService<ILicentiaStorage>().ResourceInventory, sp.GetRequiredService<LicensingQuotas>()));
        services.AddOptions<InventoryOptions>().Bind(configuration.GetSection(LicentiaOptions.Section + ":Inventory"))
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton(sp => new InventoryManager(
            sp.GetRequiredService<IInventoryStore>(), sp.GetRequiredService<ISecretProtector>(),
            sp.GetRequiredService<IOptions<InventoryOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
            observer: sp.GetRequiredService<Core.Inventory.Discovery.IManagedServerObserver>()));
        // Automated discovery: new inventory wakes it; deregistration releases a server's licenses through it.
        services.AddOptions<Core.Inventory.Discovery.DiscoveryOptions>().Bind(configuration.GetSection(LicentiaOptions.Section + ":Discovery"))
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton<Core.Inventory.Discovery.DiscoveryTrigger>();
        services.AddSingleton<Core.Inventory.Discovery.IManagedServerObserver>(sp => new Core.Inventory.Discovery.ManagedServerLicensingObserver(
            sp.GetRequiredService<LicenseAssociationManager>(), sp.GetRequiredService<Core.Inventory.Discovery.DiscoveryTrigger>()));
        services.AddSingleton(sp => new Core.Inventory.Discovery.DiscoveryJob(
            sp.GetRequiredService<ILicensingStore>(), sp.GetRequiredService<IInventoryStore>(), sp.GetRequiredService<IComputeStore>(),
            sp.GetRequiredService<ILicenseConfigurationStore>(), sp.GetRequiredService<LicenseAssociationManager>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<Core.Inventory.Discovery.DiscoveryOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().Licenses);
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().Grants);
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().Consumption);
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().Compute);
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().Licensing);
        services.AddSingleton(sp => new MasterKey(MasterKeyFile.Load(sp.GetRequiredService<IOptions<LicentiaOptions>>().Value)));
        services.AddSingleton<ISecretProtector>(sp => new AesGcmSecretProtector(sp.GetRequiredService<MasterKey>().Derive("secrets-at-rest")));
        services.AddSingleton(sp => new AccountManager(
            sp.GetRequiredService<IAccountStore>(), sp.GetRequiredService<ISecretProtector>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LicenseConfigurationManager(
            sp.GetRequiredService<ILicenseConfigurationStore>(), sp.GetRequiredService<Core.Tagging.ITagStore>(),
            sp.GetRequiredService<LicensingQuotas>(), sp.GetRequiredService<TimeProvider>(),
            licensing: sp.GetRequiredService<ILicensingStore>()));
        services.AddSingleton(sp => new ComputeManager(
            sp.GetRequiredService<IComputeStore>(), sp.GetRequiredService<ILicensingStore>(),
            sp.GetRequiredService<LicensingQuotas>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LicenseAssociationManager(
            sp.GetRequiredService<ILicensingStore>(), sp.GetRequiredService<ILicenseConfigurationStore>(),
            sp.GetRequiredService<LicensingQuotas>(), sp.GetRequiredService<TimeProvider>(),
            // A managed server stops consuming when its ping status turns Inactive.
            serverInactiveAfter: sp.GetRequiredService<IOptions<InventoryOptions>>().Value.InactiveAfter));
        services.AddSingleton(sp => new LicensingHousekeepingJob(sp.GetRequiredService<ILicensingStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SigningKeyManager(
            sp.GetRequiredService<ISigningKeyStore>(), sp.GetRequiredService<ISecretProtector>(),
            sp.GetRequiredService<IOptions<SigningKeyOptions>>().Value, sp.GetRequiredService<LicensingQuotas>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Core.Entitlements.Licenses.IssuedLicenseManager(
            sp.GetRequiredService<Core.Entitlements.Licenses.ILicenseStore>(), sp.GetRequiredService<Core.Entitlements.Grants.IGrantStore>(),
            sp.GetRequiredService<ISigningKeyStore>(), sp.GetRequiredService<LicensingQuotas>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Core.Entitlements.Grants.GrantManager(
            sp.GetRequiredService<Core.Entitlements.Grants.IGrantStore>(), sp.GetRequiredService<Core.Entitlements.Licenses.ILicenseStore>(),
            sp.GetRequiredService<LicensingQuotas>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Core.Entitlements.EntitlementTagManager(
            sp.GetRequiredService<Core.Entitlements.Licenses.ILicenseStore>(), sp.GetRequiredService<Core.Entitlements.Grants.IGrantStore>(),
            sp.GetRequiredService<Core.Tagging.ITagStore>(), sp.GetRequiredService<LicensingQuotas>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Core.Entitlements.Consumption.ConsumptionHousekeepingJob(
            sp.GetRequiredService<Core.Entitlements.Consumption.IConsumptionStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Core.Entitlements.Consumption.LicenseTokenSigner(sp.GetRequiredService<SigningKeyManager>()));
        services.AddSingleton(sp => new Core.Entitlements.Consumption.ConsumptionManager(
            sp.GetRequiredService<Core.Entitlements.Licenses.ILicenseStore>(), sp.GetRequiredService<Core.Entitlements.Grants.IGrantStore>(),
            sp.GetRequiredService<Core.Entitlements.Consumption.IConsumptionStore>(),
            sp.GetRequiredService<Core.Entitlements.Consumption.LicenseTokenSigner>(), sp.GetRequiredService<TimeProvider>()));
        // Refresh and access tokens (customers without an account) are HS256 JWTs under a key derived for that purpose.
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().Tokens);
        services.AddSingleton(sp => sp.GetRequiredService<ILicentiaStorage>().Sessions);
        services.AddSingleton(sp => new TokenManager(
            sp.GetRequiredService<ITokenStore>(), new CompactJwt(sp.GetRequiredService<MasterKey>().Derive("license-tokens")),
            new Core.Entitlements.Licenses.TokenLicenseAccess(
                sp.GetRequiredService<Core.Entitlements.Licenses.ILicenseStore>(), sp.GetRequiredService<Core.Entitlements.Grants.IGrantStore>(),
                sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SessionManager(
            sp.GetRequiredService<ISessionStore>(), sp.GetRequiredService<TokenManager>(), sp.GetRequiredService<ISecretProtector>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The AWS wire: SigV4, the JSON protocol engine and the handlers of each service.</summary>
    public static IServiceCollection AddLicentiaWire(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PageTokens(sp.GetRequiredService<MasterKey>().Derive("page-tokens")));
        services.AddSingleton<ListPaging>();
        services.AddScoped<CallerContext>();
        services.AddScoped<LicenseManagerApi>();
        services.AddScoped<KmsApi>();
        services.AddScoped<SsmApi>();
        services.AddSingleton<AgentRegistrationEndpoint>();
        services.AddScoped<Ec2Api>();
        services.AddScoped<StsApi>();
        services.AddSingleton(sp =>
        {
            var accounts = sp.GetRequiredService<AccountManager>();
            var options = sp.GetRequiredService<IOptions<LicentiaOptions>>().Value;
            return new SigV4Verifier(
                async (accessKeyId, ct) => await accounts.ResolveAccessKeyAsync(accessKeyId, ct) is { } key
                    ? new SigningCredential(key.SecretAccessKey, key.AccountId)
                    // A registered server's own key (AKMI...), see Agent/ManagedInstanceKeyGate.
                    : await sp.GetRequiredService<InventoryManager>().ResolveAccessKeyAsync(accessKeyId, ct) is { } node
                        ? new SigningCredential(node.SecretAccessKey, node.AccountId)
                        : await SessionCredentialAsync(sp.GetRequiredService<SessionManager>(), accessKeyId, ct),
                // Signatures are checked against the real clock, even when a test moves the domain clock.
                TimeProvider.System,
                new SigV4VerifierOptions { AllowedClockSkew = TimeSpan.FromMinutes(options.AllowedClockSkewMinutes) });
        });
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Licentia.Server.Handlers");
            return new JsonProtocolEngine(
                [
                    JsonServiceBinding.Create(
                        ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName),
                        LicenseManagerOperations.All,
                        request => request.Services!.GetRequiredService<LicenseManagerApi>()),
                    JsonServiceBinding.Create(
                        ServiceModel.LoadEmbedded(KmsOperations.ModelName),
                        KmsOperations.All,
                        request => request.Services!.GetRequiredService<KmsApi>()),
                    JsonServiceBinding.Create(
                        ServiceModel.LoadEmbedded(SsmOperations.ModelName),
                        SsmOperations.All,
                        request => request.Services!.GetRequiredService<SsmApi>()),
                ],
                new JsonProtocolOptions
                {
                    ErrorTranslator = e => ErrorTranslation.Translate(e) ?? SsmErrorTranslation.Translate(e),
                    Idempotency = sp.GetRequiredService<StoredIdempotencyGuard>(),
                    OnUnhandledException = (exception, target, requestId) => HandlerLog.Unhandled(logger, target, requestId, exception),
                });
        });
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Licentia.Server.Handlers");
            return new QueryProtocolEngine(
                [
                    QueryServiceBinding.Create(
                        ServiceModel.LoadEmbedded(Ec2Operations.ModelName),
                        Ec2Operations.All,
                        request => request.Services!.GetRequiredService<Ec2Api>()),
                    QueryServiceBinding.Create(
                        ServiceModel.LoadEmbedded(StsOperations.ModelName),
                        StsOperations.All,
                        request => request.Services!.GetRequiredService<StsApi>()),
                ],
                new QueryProtocolOptions
                {
                    ErrorTranslator = ErrorTranslation.Translate,
                    Idempotency = sp.GetRequiredService<StoredIdempotencyGuard>(),
                    OnUnhandledException = (exception, target, requestId) => HandlerLog.Unhandled(logger, target, requestId, exception),
                });
        });
        services.AddSingleton<StoredIdempotencyGuard>();
        services.AddHostedService<IdempotencyPurge>();
        services.AddHostedService<SessionPurge>();
        services.AddHostedService<LicensingHousekeeping>();
        services.AddHostedService<AutomatedDiscovery>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<AwsEndpoint>(sp, sp.GetRequiredService<QueryProtocolEngine>()));
        services.AddSingleton<FirstStart>();
        return services;
    }

    /// <summary>
    /// Temporary credentials (ASIA...) with their session token. Their expiry is judged by the domain clock (which a
    /// test may move) while the verifier reads the real one, so the expiration is handed over shifted by the difference.
    /// </summary>
    private static async Task<SigningCredential?> SessionCredentialAsync(SessionManager sessions, string accessKeyId, CancellationToken ct)
    {
        if (await sessions.ResolveAsync(accessKeyId, ct) is not { } session)
        {
            return null;
        }

        var shift = TimeProvider.System.GetUtcNow() - sessions.Now;
        return new SigningCredential(session.SecretAccessKey, session.Stored.AccountId, session.SessionToken, session.Stored.ExpiresAt + shift);
    }

    /// <summary>Migrates the store and, on an empty one, creates the first account.</summary>
    public static async Task PrepareLicentiaAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<ILicentiaStorage>().MigrateAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<FirstStart>().RunAsync(app.Lifetime.ApplicationStopping);
        var options = app.Services.GetRequiredService<IOptions<LicentiaOptions>>().Value;
        HandlerLog.Storage(app.Logger, StorageSetup.Describe(options));
        if (app.Services.GetRequiredService<TimeProvider>() is TestClock)
        {
            HandlerLog.TestClockEnabled(app.Logger, TestClockEndpoint.Path);
        }
    }

    public static void MapLicentia(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Text("ok"));
        app.MapPost(TestClockEndpoint.Path, (Delegate)TestClockEndpoint.AdvanceAsync);
        app.MapGet(JwksEndpoint.Pattern, (Delegate)JwksEndpoint.GetAsync);
        app.Use(ManagedInstanceKeyGate.InvokeAsync);
        app.MapPost(AgentRegistrationEndpoint.Path, app.Services.GetRequiredService<AgentRegistrationEndpoint>().HandleAsync);
        var endpoint = app.Services.GetRequiredService<AwsEndpoint>();
        app.Map("{**path}", endpoint.HandleAsync);
    }
}

/// <summary>The operator's master key; purpose-specific keys are derived from it so no key serves two uses.</summary>
internal sealed class MasterKey(byte[] key)
{
    public byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: Encoding.UTF8.GetBytes("licentia:" + purpose));
}

internal static partial class HandlerLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{Target} failed unexpectedly (request {RequestId})")]
    public static partial void Unhandled(ILogger logger, string target, string requestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage: {Storage}")]
    public static partial void Storage(ILogger logger, string storage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TEST CLOCK ENABLED: unsigned POST {Path} moves this server's clock. For tests only; never in production.")]
    public static partial void TestClockEnabled(ILogger logger, string path);
}
