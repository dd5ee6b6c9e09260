using System.Security.Cryptography;
using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Errors;

namespace Licentia.Core.Entitlements.Consumption;

/// <summary>
/// The use cases of consumption, one method per operation: CheckoutLicense, CheckoutBorrowLicense, CheckInLicense,
/// ExtendLicenseConsumption, GetLicenseUsage. The issuer's own account may consume its license; any other account
/// needs an ACTIVE grant of it allowing the operation. A license is consumed only while AVAILABLE.
/// </summary>
public sealed class ConsumptionManager
{
    private readonly ILicenseStore _licenses;
    private readonly IGrantStore _grants;
    private readonly IConsumptionStore _store;
    private readonly LicenseTokenSigner _signer;
    private readonly TimeProvider _time;

    public ConsumptionManager(ILicenseStore licenses, IGrantStore grants, IConsumptionStore store, LicenseTokenSigner signer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(licenses);
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(time);
        _licenses = licenses;
        _grants = grants;
        _store = store;
        _signer = signer;
        _time = time;
    }

    /// <summary>CheckoutLicense: by ProductSKU and the issuer's KeyFingerprint, provisional or perpetual.</summary>
    /// <exception cref="ResourceNotFoundException">No license of that SKU and fingerprint the caller may check out.</exception>
    /// <exception cref="NoEntitlementsAllowedException">An entitlement is missing or exhausted.</exception>
    public async Task<CheckoutResult> CheckoutAsync(Scope scope, CheckoutCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var kind = CheckoutKindNames.ParseCheckoutType(command.CheckoutType);
        var issuerAccount = IssuerAccount(command.KeyFingerprint);
        var issuerScope = new Scope(issuerAccount, scope.Region);
        var candidates = await _licenses.ListAsync(issuerScope, new LicenseQuery
        {
            At = _time.GetUtcNow(),
            Limit = 100,
            ProductSkus = [command.ProductSku],
            Fingerprints = [command.KeyFingerprint],
        }, ct);
        License? chosen = null;
        foreach (var candidate in candidates.Items)
        {
            if (IsAvailable(candidate) && await MayAsync(scope, candidate, GrantOperation.CheckoutLicense, ct))
            {
                chosen = candidate;
                break;
            }
        }

        if (chosen is null)
        {
            throw new ResourceNotFoundException(
                $"No AVAILABLE license with ProductSKU '{command.ProductSku}' and KeyFingerprint '{command.KeyFingerprint}' may be checked out by account {scope.AccountId} in {scope.Region}.");
        }

        return await TakeAsync(scope, chosen, kind, command.Entitlements, command.Beneficiary, command.NodeId, [], preferPs384: false, ct);
    }

    /// <summary>CheckoutBorrowLicense: offline use for the license's BorrowConfiguration time to live.</summary>
    public async Task<CheckoutResult> CheckoutBorrowAsync(Scope scope, CheckoutBorrowCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.DigitalSignatureMethod != "JWT_PS384")
        {
            throw new UnsupportedDigitalSignatureMethodException(
                $"DigitalSignatureMethod '{command.DigitalSignatureMethod}' is not supported; the only method is JWT_PS384.");
        }

        var license = await ResolveAsync(scope, command.LicenseArn, GrantOperation.CheckoutBorrowLicense, ct);
        if (license.Latest.Consumption.Borrow is null)
        {
            throw new ValidationException($"License '{license.Arn}' has no BorrowConfiguration, so it cannot be borrowed.");
        }

        return await TakeAsync(scope, license, CheckoutKind.Borrow, command.Entitlements, null, command.NodeId, command.Metadata, preferPs384: true, ct);
    }

    /// <summary>CheckInLicense: returns the consumption to the pool.</summary>
    /// <exception cref="ResourceNotFoundException">No active consumption with that token for the caller.</exception>
    /// <exception cref="ValidationException">
    /// The license's terms forbid the check-in: an entitlement taken does not allow check-in, or a borrow does not allow
    /// early check-in. Of CheckInLicense's declared errors this is ValidationException: the request is well formed and
    /// names a consumption the caller holds, but asks for what the license's terms refuse; retrying cannot change that,
    /// so it is neither ConflictException (a concurrent change) nor AccessDeniedException (the caller's permissions).
    /// </exception>
    public async Task CheckInAsync(Scope scope, string token, string? beneficiary, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var consumption = await FindActiveAsync(scope, token, now, ct);
        if (beneficiary is not null && consumption.Beneficiary is not null && beneficiary != consumption.Beneficiary)
        {
            throw new ValidationException($"Beneficiary '{beneficiary}' is not the beneficiary of this check-out.");
        }

        if (await _licenses.FindAsync(consumption.LicenseScope, Id(consumption.LicenseArn), ct) is { } license)
        {
            ConsumptionRules.RequireCheckInAllowed(license, consumption);
        }

        if (!await _store.TryCheckInAsync(scope, token, now, ct))
        {
            throw NotFound(token);
        }
    }

    /// <summary>ExtendLicenseConsumption: a provisional or borrowed check-out lives another full time to live from now.</summary>
    public async Task<LicenseConsumption> ExtendAsync(Scope scope, string token, bool dryRun, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var consumption = await FindActiveAsync(scope, token, now, ct);
        var license = await _licenses.FindAsync(consumption.LicenseScope, Id(consumption.LicenseArn), ct);
        if (license is null || !IsAvailable(license))
        {
            throw new ValidationException($"License '{consumption.LicenseArn}' is no longer AVAILABLE; its consumption cannot be extended.");
        }

        var ttl = ConsumptionRules.TimeToLive(license.Latest.Consumption, consumption.Kind)
            ?? throw new ValidationException("A PERPETUAL check-out does not expire, so it cannot be extended.");
        if (dryRun)
        {
            throw new DryRunOperationException("The request would have succeeded, but the DryRun option is set.");
        }

        // Never past the end of the renewal period the consumption was taken in: it stops counting then anyway.
        var expiresAt = consumption.PeriodEndsAt is { } periodEnd && periodEnd < now + ttl ? periodEnd : now + ttl;
        return await _store.TryExtendAsync(scope, token, now, expiresAt, ct)
            ? consumption with { ExpiresAt = expiresAt }
            : throw NotFound(token);
    }

    /// <summary>GetLicenseUsage: what is consumed now of each entitlement, for the issuer or a grantee.</summary>
    public async Task<IReadOnlyList<EntitlementUsage>> GetUsageAsync(Scope scope, string licenseArn, CancellationToken ct)
    {
        var license = await ResolveAsync(scope, licenseArn, operation: null, ct);
        var inUse = await _store.SumActiveAsync(ConsumptionRules.UsageQueryFor(license, _time.GetUtcNow()), ct);
        return ConsumptionRules.Usage(license, inUse);
    }

    private async Task<CheckoutResult> TakeAsync(
        Scope scope, License license, CheckoutKind kind, IReadOnlyList<RequestedEntitlement> requested, string? beneficiary, string? nodeId,
        IReadOnlyList<LicenseMetadata> metadata, bool preferPs384, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var period = RenewalPeriod.At(license.Latest, now);
        var expiresAt = ConsumptionRules.TimeToLive(license.Latest.Consumption, kind) is { } ttl ? period.Bound(now + ttl) : (DateTimeOffset?)null;
        // The store reads only what the decision needs (totals of the enforced limits, the node's own check-outs), so a
        // check-out costs the same however many provisional check-outs of the license are still active.
        var reads = ConsumptionRules.ReadsFor(license, now, requested, scope.AccountId, beneficiary, nodeId, kind);
        var consumption = await _store.CheckOutAsync(reads, facts =>
            ConsumptionRules.HeldByNode(license, facts.NodeHolds, scope.AccountId, beneficiary, nodeId, kind, requested) is { } held
                ? held with { ExpiresAt = expiresAt }
                : new LicenseConsumption
                {
                    Token = RandomNumberGenerator.GetHexString(64, lowercase: true),
                    LicenseArn = license.Arn,
                    LicenseAccountId = license.AccountId,
                    Region = license.Region,
                    ConsumerAccountId = scope.AccountId,
                    LicenseVersion = license.Version,
                    Kind = kind,
                    Beneficiary = beneficiary,
                    NodeId = nodeId,
                    Entitlements = ConsumptionRules.Decide(license, requested, facts.InUse),
                    Metadata = metadata,
                    IssuedAt = now,
                    ExpiresAt = expiresAt,
                    PeriodEndsAt = period.End,
                },
            ct);

        // A perpetual check-out does not lapse, but its token is short-lived: software checks out again to refresh it.
        var tokenExpiry = consumption.ExpiresAt ?? period.Bound(now + TimeSpan.FromMinutes(ConsumptionRules.DefaultProvisionalMinutes));
        var signed = await _signer.SignAsync(license, consumption, tokenExpiry, preferPs384, ct);
        return new CheckoutResult(consumption, signed, tokenExpiry);
    }

    private async Task<License> ResolveAsync(Scope scope, string? licenseArn, GrantOperation? operation, CancellationToken ct)
    {
        var arn = LicenseArn.Parse(licenseArn, "LicenseArn");
        var license = await _licenses.FindAsync(new Scope(arn.AccountId, scope.Region), arn.Id, ct);
        var now = _time.GetUtcNow();
        if (license is null || !license.IsReadableAt(now))
        {
            var message = $"License '{licenseArn}' does not exist, or is not visible to account {scope.AccountId} in {scope.Region}.";
            throw operation is null ? new InvalidParameterValueException(message) : new ResourceNotFoundException(message);
        }

        if (operation is null)
        {
            // Reading usage: the issuer, or any account that holds a grant of the license. GetLicenseUsage declares no
            // ResourceNotFoundException: an ARN the caller cannot see is an invalid parameter value there.
            return license.AccountId == scope.AccountId || await HoldsAnyGrantAsync(scope, license, ct)
                ? license
                : throw new InvalidParameterValueException($"License '{licenseArn}' does not exist, or is not visible to account {scope.AccountId} in {scope.Region}.");
        }

        var status = license.StatusAt(license.Latest, now);
        if (status != LicenseStatus.Available && (license.AccountId == scope.AccountId || await HoldsAnyGrantAsync(scope, license, ct)))
        {
            // Deleted, expired, deactivated…: its grants may be gone too (DeleteLicense deletes them), so say why.
            throw new ValidationException($"License '{license.Arn}' is {LicenseStatusNames.ToWire(status)}; only an AVAILABLE license can be checked out.");
        }

        if (!await MayAsync(scope, license, operation.Value, ct))
        {
            throw new AccessDeniedException(
                $"Account {scope.AccountId} holds no ACTIVE grant of license '{license.Arn}' that allows {GrantOperationNames.ToWire(operation.Value)}.");
        }

        return IsAvailable(license)
            ? license
            : throw new ValidationException($"License '{license.Arn}' is {LicenseStatusNames.ToWire(license.StatusAt(license.Latest, now))}; only an AVAILABLE license can be checked out.");
    }

    private async Task<bool> MayAsync(Scope scope, License license, GrantOperation operation, CancellationToken ct)
    {
        if (license.AccountId == scope.AccountId)
        {
            return true;
        }

        string? after = null;
        do
        {
            var page = await _grants.ListReceivedAsync(scope, new GrantQuery { LicenseArns = [license.Arn], Limit = 100, After = after }, ct);
            if (page.Items.Any(g => g.Status == GrantStatus.Active && g.Latest.Allows(operation)))
            {
                return true;
            }

            after = page.NextCursor;
        }
        while (after is not null);
        return false;
    }

    private async Task<bool> HoldsAnyGrantAsync(Scope scope, License license, CancellationToken ct) =>
        (await _grants.ListReceivedAsync(scope, new GrantQuery { LicenseArns = [license.Arn], Limit = 1 }, ct)).Items.Count > 0;

    private bool IsAvailable(License license) => license.StatusAt(license.Latest, _time.GetUtcNow()) == LicenseStatus.Available;

    private async Task<LicenseConsumption> FindActiveAsync(Scope scope, string token, DateTimeOffset now, CancellationToken ct) =>
        await _store.FindAsync(scope, token, ct) is { } c && c.IsActiveAt(now) ? c : throw NotFound(token);

    private static ResourceNotFoundException NotFound(string token) =>
        new($"No active license consumption has token '{token}' in this account and Region (it was checked in, expired, or never existed).");

    private static string Id(string licenseArn) => LicenseArn.Parse(licenseArn, "LicenseArn").Id;

    private static string IssuerAccount(string? fingerprint)
    {
        // aws:<issuer account>:<issuer name>:issuer-fingerprint
        var parts = fingerprint?.Split(':');
        return parts is { Length: >= 4 } && parts[0] == "aws" && parts[^1] == "issuer-fingerprint" && parts[1].Length == 12 && parts[1].All(char.IsAsciiDigit)
            ? parts[1]
            : throw new InvalidParameterValueException($"KeyFingerprint '{fingerprint}' is not an issuer fingerprint (aws:<account>:<issuer name>:issuer-fingerprint).");
    }
}

/// <summary>The members of CheckoutLicense.</summary>
public sealed record CheckoutCommand
{
    public required string ProductSku { get; init; }
    public required string CheckoutType { get; init; }
    public required string KeyFingerprint { get; init; }
    public required IReadOnlyList<RequestedEntitlement> Entitlements { get; init; }
    public string? Beneficiary { get; init; }
    public string? NodeId { get; init; }
}

/// <summary>The members of CheckoutBorrowLicense.</summary>
public sealed record CheckoutBorrowCommand
{
    public required string LicenseArn { get; init; }
    public required IReadOnlyList<RequestedEntitlement> Entitlements { get; init; }
    public required string DigitalSignatureMethod { get; init; }
    public string? NodeId { get; init; }
    public IReadOnlyList<LicenseMetadata> Metadata { get; init; } = [];
}
