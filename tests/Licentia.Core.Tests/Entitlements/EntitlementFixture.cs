using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Keys;
using Licentia.Core.Security;
using Licentia.Core.Tests.Fakes;
using Licentia.Core.Tests.Keys;

namespace Licentia.Core.Tests.Entitlements;

/// <summary>Both managers over in-memory stores, a seller with a signing key, and buyers to grant to.</summary>
public sealed class EntitlementFixture
{
    public static readonly Scope Seller = new("111111111111", "us-east-1");
    public static readonly Scope Buyer = new("222222222222", "us-east-1");
    public static readonly Scope Third = new("333333333333", "us-east-1");
    public static readonly Scope SellerElsewhere = new("111111111111", "eu-west-1");
    public static readonly CancellationToken None = CancellationToken.None;

    public EntitlementFixture(LicensingQuotas? quotas = null)
    {
        Quotas = quotas ?? new LicensingQuotas();
        Licenses = new IssuedLicenseManager(Stores, Stores, Keys, Quotas, Time, new ScriptedRandomSource());
        Grants = new GrantManager(Stores, Stores, Quotas, Time, new ScriptedRandomSource(7));
        KeyManager = new SigningKeyManager(Keys, new AesGcmSecretProtector(AesGcmSecretProtector.CreateKey()), new SigningKeyOptions(), Quotas, Time);
    }

    public LicensingQuotas Quotas { get; }

    public ManualTimeProvider Time { get; } = new();

    public InMemoryEntitlementStores Stores { get; } = new();

    public InMemorySigningKeyStore Keys { get; } = new();

    public SigningKeyManager KeyManager { get; }

    public IssuedLicenseManager Licenses { get; }

    public GrantManager Grants { get; }

    public static string Principal(Scope scope) => $"arn:aws:iam::{scope.AccountId}:root";

    public async Task<string> SignKeyAsync(Scope? scope = null) =>
        (await KeyManager.CreateKeyAsync(scope ?? Seller, new CreateSigningKeyCommand { KeySpec = "ECC_NIST_P256", KeyUsage = "SIGN_VERIFY" }, None)).Arn;

    public static Entitlement DataTransfer => new() { Name = "DataTransfer", MaxCount = 40, Unit = "Gigabytes", AllowCheckIn = true };

    public static Entitlement Platinum => new() { Name = "Platinum Tier", Value = "Enabled", Unit = EntitlementUnits.None };

    public LicenseContent Content(string signKey, string? homeRegion = null, IReadOnlyList<Entitlement>? entitlements = null) => new()
    {
        LicenseName = "Analytics Pro",
        ProductName = "Analytics",
        IssuerName = "Example Software",
        IssuerSignKey = signKey,
        HomeRegion = homeRegion ?? Seller.Region,
        ValidityBegin = "2025-01-01T00:00:00Z",
        ValidityEnd = "2026-01-01T00:00:00Z",
        Entitlements = entitlements ?? [DataTransfer, Platinum],
        Consumption = new ConsumptionConfiguration { RenewType = RenewType.Monthly, Provisional = new ProvisionalConfiguration(60) },
        Metadata = [new LicenseMetadata("contract", "C-42")],
    };

    public async Task<LicenseView> CreateLicenseAsync(Scope? scope = null, string sku = "AP-1", string beneficiary = "buyer@example.com")
    {
        var seller = scope ?? Seller;
        return await Licenses.CreateLicenseAsync(seller, new CreateLicenseCommand
        {
            Content = Content(await SignKeyAsync(seller), seller.Region),
            ProductSku = sku,
            Beneficiary = beneficiary,
        }, None);
    }

    public Task<Grant> GrantAsync(Scope grantor, string licenseArn, Scope grantee, params string[] operations) =>
        Grants.CreateGrantAsync(grantor, new CreateGrantCommand
        {
            GrantName = "to " + grantee.AccountId,
            LicenseArn = licenseArn,
            Principals = [Principal(grantee)],
            HomeRegion = grantor.Region,
            AllowedOperations = operations.Length == 0 ? ["CheckoutLicense", "CheckInLicense"] : operations,
        }, None);

    /// <summary>Creates a grant and takes it to ACTIVE the way a grantee does: accept, then activate.</summary>
    public async Task<Grant> ActiveGrantAsync(Scope grantor, string licenseArn, Scope grantee, params string[] operations)
    {
        var grant = await GrantAsync(grantor, licenseArn, grantee, operations);
        await Grants.AcceptGrantAsync(grantee, grant.Arn, None);
        return await Grants.CreateGrantVersionAsync(grantee, new CreateGrantVersionCommand { GrantArn = grant.Arn, Status = GrantStatus.Active }, None);
    }
}
