using System.Globalization;
using Licentia.Core.Entitlements.Consumption;
using Licentia.Core.Entitlements.Licenses;
using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

public sealed partial class LicenseManagerApi
{
    public async Task<Dto.CheckoutLicenseResponse> CheckoutLicense(Dto.CheckoutLicenseRequest request, CancellationToken ct)
    {
        var result = await consumption.CheckoutAsync(caller.Scope, new CheckoutCommand
        {
            ProductSku = request.ProductSKU ?? "",
            CheckoutType = request.CheckoutType ?? "",
            KeyFingerprint = request.KeyFingerprint ?? "",
            Entitlements = ConsumptionMapping.ToRequested(request.Entitlements),
            Beneficiary = request.Beneficiary,
            NodeId = request.NodeId,
        }, ct);
        var c = result.Consumption;
        return new Dto.CheckoutLicenseResponse
        {
            CheckoutType = request.CheckoutType,
            LicenseConsumptionToken = c.Token,
            EntitlementsAllowed = ConsumptionMapping.ToDto(c.Entitlements),
            SignedToken = result.SignedToken,
            NodeId = c.NodeId,
            IssuedAt = LicenseTokenSigner.Instant(c.IssuedAt),
            Expiration = LicenseTokenSigner.Instant(result.TokenExpiresAt),
            LicenseArn = c.LicenseArn,
        };
    }

    public async Task<Dto.CheckoutBorrowLicenseResponse> CheckoutBorrowLicense(Dto.CheckoutBorrowLicenseRequest request, CancellationToken ct)
    {
        var result = await consumption.CheckoutBorrowAsync(caller.Scope, new CheckoutBorrowCommand
        {
            LicenseArn = request.LicenseArn ?? "",
            Entitlements = ConsumptionMapping.ToRequested(request.Entitlements),
            DigitalSignatureMethod = request.DigitalSignatureMethod ?? "",
            NodeId = request.NodeId,
            Metadata = [.. (request.CheckoutMetadata ?? []).Select(m => new LicenseMetadata(m.Name ?? "", m.Value ?? ""))],
        }, ct);
        var c = result.Consumption;
        return new Dto.CheckoutBorrowLicenseResponse
        {
            LicenseArn = c.LicenseArn,
            LicenseConsumptionToken = c.Token,
            EntitlementsAllowed = ConsumptionMapping.ToDto(c.Entitlements),
            NodeId = c.NodeId,
            SignedToken = result.SignedToken,
            IssuedAt = LicenseTokenSigner.Instant(c.IssuedAt),
            Expiration = LicenseTokenSigner.Instant(result.TokenExpiresAt),
            CheckoutMetadata = [.. c.Metadata.Select(m => new Dto.Metadata { Name = m.Name, Value = m.Value })],
        };
    }

    public async Task<Dto.CheckInLicenseResponse> CheckInLicense(Dto.CheckInLicenseRequest request, CancellationToken ct)
    {
        await consumption.CheckInAsync(caller.Scope, request.LicenseConsumptionToken ?? "", request.Beneficiary, ct);
        return new Dto.CheckInLicenseResponse();
    }

    public async Task<Dto.ExtendLicenseConsumptionResponse> ExtendLicenseConsumption(Dto.ExtendLicenseConsumptionRequest request, CancellationToken ct)
    {
        var extended = await consumption.ExtendAsync(caller.Scope, request.LicenseConsumptionToken ?? "", request.DryRun ?? false, ct);
        return new Dto.ExtendLicenseConsumptionResponse
        {
            LicenseConsumptionToken = extended.Token,
            Expiration = extended.ExpiresAt is { } e ? LicenseTokenSigner.Instant(e) : null,
        };
    }

    public async Task<Dto.GetLicenseUsageResponse> GetLicenseUsage(Dto.GetLicenseUsageRequest request, CancellationToken ct)
    {
        var usage = await consumption.GetUsageAsync(caller.Scope, request.LicenseArn ?? "", ct);
        return new Dto.GetLicenseUsageResponse
        {
            LicenseUsage = new Dto.LicenseUsage
            {
                EntitlementUsages =
                [
                    .. usage.Select(u => new Dto.EntitlementUsage
                    {
                        Name = u.Name,
                        ConsumedValue = u.Consumed.ToString(CultureInfo.InvariantCulture),
                        MaxCount = u.MaxCount?.ToString(CultureInfo.InvariantCulture),
                        Unit = u.Unit,
                    }),
                ],
            },
        };
    }
}

/// <summary>Consumption shapes between the generated DTOs and the core.</summary>
internal static class ConsumptionMapping
{
    public static List<RequestedEntitlement> ToRequested(List<Dto.EntitlementData>? entitlements) =>
        [.. (entitlements ?? []).Select(e => new RequestedEntitlement(e.Name ?? "", e.Value, e.Unit))];

    public static List<Dto.EntitlementData> ToDto(IReadOnlyList<ConsumedEntitlement> entitlements) =>
        [.. entitlements.Select(e => new Dto.EntitlementData { Name = e.Name, Value = e.Value, Unit = e.Unit })];
}
