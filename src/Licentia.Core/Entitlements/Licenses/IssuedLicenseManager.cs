using System.Globalization;
using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;
using Licentia.Core.Keys;
using Licentia.Core.Paging;
using Licentia.Core.Tagging;

namespace Licentia.Core.Entitlements.Licenses;

/// <summary>
/// The use cases of seller-issued licenses, one method per operation. The issuer (the license's account, in its
/// HomeRegion) creates, versions, lists and deletes; an account holding a grant of the license may read it
/// (GetLicense, ListLicenseVersions, ListReceivedLicenses); every other account is told it does not exist.
/// </summary>
public sealed class IssuedLicenseManager
{
    private readonly ILicenseStore _store;
    private readonly IGrantStore _grants;
    private readonly ISigningKeyStore _keys;
    private readonly LicensingQuotas _quotas;
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;

    public IssuedLicenseManager(
        ILicenseStore store, IGrantStore grants, ISigningKeyStore keys, LicensingQuotas quotas, TimeProvider time, IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _grants = grants;
        _keys = keys;
        _quotas = quotas;
        _time = time;
        _random = random ?? CryptoRandomSource.Instance;
    }

    /// <summary>CreateLicense: version 1 of a new license, signed by the caller's KMS key in the HomeRegion.</summary>
    /// <exception cref="ValidationException">A member is not valid, or the signing key is not the caller's.</exception>
    /// <exception cref="InvalidParameterValueException">A tag is not valid.</exception>
    public async Task<LicenseView> CreateLicenseAsync(Scope scope, CreateLicenseCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        TagRules.ValidateTags(command.Tags, _quotas.TagsPerResource);
        var now = _time.GetUtcNow();
        var version = await BuildVersionAsync(
            scope, command.Content, LicenseRules.RequireText(command.ProductSku, "ProductSKU"),
            LicenseRules.RequireText(command.Beneficiary, "Beneficiary"), LicenseStatus.Available, resetUsage: false, now, ct);
        var id = LicenseArn.NewId(_random);
        var license = new License
        {
            Id = id,
            Arn = LicenseArn.Format(scope.AccountId, id),
            AccountId = scope.AccountId,
            Region = scope.Region,
            CreatedAt = now,
            Versions = [version with { Number = 1 }],
        };
        await _store.InsertAsync(license, [.. command.Tags ?? []], ct);
        return View(license, license.Latest, now);
    }

    /// <summary>CreateLicenseVersion: the next version, with the status the issuer asks for.</summary>
    /// <exception cref="ResourceNotFoundException">No such license visible to the caller.</exception>
    /// <exception cref="AccessDeniedException">The caller received the license but did not issue it.</exception>
    /// <exception cref="ConflictException">SourceVersion is not the current version, or the license changed meanwhile.</exception>
    /// <exception cref="ValidationException">A member or the status is not valid, or the license is deleted.</exception>
    public async Task<LicenseView> CreateLicenseVersionAsync(Scope scope, CreateLicenseVersionCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = _time.GetUtcNow();
        var current = await ResolveIssuedAsync(scope, command.LicenseArn, "create a version of", m => new ResourceNotFoundException(m), ct);
        RequireCurrentVersion(current.Arn, current.Version, command.SourceVersion, "SourceVersion");
        var status = LicenseStatusRules.Request(current.Latest.IssuedStatus, command.Status);
        var version = await BuildVersionAsync(
            scope, command.Content, current.Latest.ProductSku, current.Latest.Beneficiary, status, command.ResetUsage, now, ct);
        var next = current.WithNewVersion(version);
        if (!await _store.TryUpdateAsync(next, current.Version, ct))
        {
            throw new ConflictException($"License '{current.Arn}' was changed by another request (it is no longer version {current.Version}). Read it again and retry.");
        }

        return View(next, next.Latest, now);
    }

    /// <summary>GetLicense: the current version, or the one asked for.</summary>
    /// <exception cref="InvalidParameterValueException">No such license (or version) visible to the caller.</exception>
    public async Task<LicenseView> GetLicenseAsync(Scope scope, string licenseArn, string? version, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var license = await ResolveReadableAsync(scope, licenseArn, "LicenseArn", m => new InvalidParameterValueException(m), ct);
        if (version is null)
        {
            return View(license, license.Latest, now);
        }

        var wanted = license.FindVersion(ParseVersion(version, "Version"))
            ?? throw new InvalidParameterValueException($"License '{license.Arn}' has no version '{version}'; its current version is {license.Version}.");
        return View(license, wanted, now);
    }

    /// <summary>ListLicenses: the licenses the caller issued in this Region, filtered, in creation order.</summary>
    public async Task<Page<LicenseView>> ListLicensesAsync(Scope scope, ListLicensesCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = _time.GetUtcNow();
        var query = Query(command, EntitlementFilters.ListLicenses, now);
        if (command.LicenseArns is { Count: > 0 } arns)
        {
            // ARNs of other issuers simply match nothing: listing must not reveal what exists elsewhere.
            query = query with { Ids = [.. ParseArns(arns).Where(a => a.AccountId == scope.AccountId).Select(a => a.Id).Distinct(StringComparer.Ordinal)] };
        }

        var page = await _store.ListAsync(scope, query, ct);
        return new Page<LicenseView>([.. page.Items.Select(l => View(l, l.Latest, now))], page.NextCursor);
    }

    /// <summary>ListLicenseVersions: every version, oldest first, for the issuer and for grantees.</summary>
    /// <exception cref="InvalidParameterValueException">No such license visible to the caller, or a bad page.</exception>
    public async Task<Page<LicenseView>> ListLicenseVersionsAsync(Scope scope, string licenseArn, int? maxResults, string? after, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var size = EntitlementFilters.PageSize(maxResults, _quotas);
        var license = await ResolveReadableAsync(scope, licenseArn, "LicenseArn", m => new InvalidParameterValueException(m), ct);
        var start = after is null ? 0 : ParseVersion(after, "NextToken");
        var versions = license.Versions.Where(v => v.Number > start).Take(size + 1).ToList();
        var more = versions.Count > size;
        var shown = versions.Take(size).ToList();
        return new Page<LicenseView>(
            [.. shown.Select(v => View(license, v, now))],
            more ? shown[^1].Number.ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The StatusReason of grants that DeleteLicense ends.</summary>
    public const string DeletedWithLicense = "The license was deleted by its issuer.";

    /// <summary>
    /// DeleteLicense: records the deletion and deletes every grant of the license, atomically. The license answers
    /// PENDING_DELETE and stays readable (read-only) for six months, until the returned deletion date; then it is gone.
    /// </summary>
    /// <exception cref="InvalidParameterValueException">No such license visible to the caller.</exception>
    /// <exception cref="AccessDeniedException">The caller received the license but did not issue it.</exception>
    /// <exception cref="ConflictException">SourceVersion is not the current version, or the license changed meanwhile.</exception>
    /// <exception cref="ValidationException">Already deleted.</exception>
    public async Task<LicenseDeletion> DeleteLicenseAsync(Scope scope, string licenseArn, string sourceVersion, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var current = await ResolveIssuedAsync(scope, licenseArn, "delete", m => new InvalidParameterValueException(m), ct);
        RequireCurrentVersion(current.Arn, current.Version, sourceVersion ?? string.Empty, "SourceVersion");
        var deleted = current.MarkDeleted(now);

        // The guide keeps a deleted license readable by its grantees, but nothing can use it any more: every grant of
        // it ends as DELETED ("deleted by the grantor" — the issuer is the root of every grant), with a reason.
        if (!await _store.TryDeleteAsync(deleted, current.Version, g => g.Status == GrantStatus.Deleted ? g : g.Delete(now, DeletedWithLicense), ct))
        {
            throw new ConflictException($"License '{current.Arn}' was changed or deleted by another request meanwhile. Read it again and retry.");
        }

        return new LicenseDeletion(deleted.StatusAt(now), deleted.DeletionDate!.Value);
    }

    /// <summary>ListReceivedLicenses: licenses the caller holds grants of, each with the decisive grant's metadata.</summary>
    public async Task<Page<ReceivedLicense>> ListReceivedLicensesAsync(Scope scope, ListLicensesCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = _time.GetUtcNow();
        var query = Query(command, EntitlementFilters.ListReceivedLicenses, now);
        if (command.LicenseArns is { Count: > 0 } arns)
        {
            query = query with { Ids = [.. ParseArns(arns).Select(a => a.Id).Distinct(StringComparer.Ordinal)] };
        }

        var page = await _store.ListReceivedAsync(scope, query, ct);
        if (page.Items.Count == 0)
        {
            return new Page<ReceivedLicense>([], page.NextCursor);
        }

        var grants = await AllReceivedGrantsAsync(scope, [.. page.Items.Select(l => l.Arn)], ct);
        return new Page<ReceivedLicense>(
            [.. page.Items.Select(l => new ReceivedLicense(View(l, l.Latest, now), ReceivedMetadata.From([.. grants.Where(g => g.LicenseArn == l.Arn)])))],
            page.NextCursor);
    }

    private async Task<List<Grant>> AllReceivedGrantsAsync(Scope scope, IReadOnlyList<string> licenseArns, CancellationToken ct)
    {
        var all = new List<Grant>();
        string? after = null;
        do
        {
            var page = await _grants.ListReceivedAsync(scope, new GrantQuery { LicenseArns = licenseArns, Limit = _quotas.MaxPageSize, After = after }, ct);
            all.AddRange(page.Items);
            after = page.NextCursor;
        }
        while (after is not null);
        return all;
    }

    private LicenseQuery Query(ListLicensesCommand command, IReadOnlyList<string> supported, DateTimeOffset now)
    {
        var filters = EntitlementFilters.Parse(command.Filters, supported, _quotas);
        return new LicenseQuery
        {
            At = now,
            Limit = EntitlementFilters.PageSize(command.MaxResults, _quotas),
            After = command.After,
            Beneficiaries = filters.Values("Beneficiary"),
            ProductSkus = filters.Values("ProductSKU"),
            Fingerprints = filters.Values("Fingerprint"),
            IssuerNames = filters.Values("IssuerName"),
            Statuses = filters.Values("Status") is { } statuses
                ? [.. statuses.Select(s => LicenseStatusNames.TryParse(s, out var status)
                    ? status
                    : throw new InvalidParameterValueException($"Value '{s}' of filter 'Status' is not valid. Allowed values: {string.Join(", ", LicenseStatusNames.All)}."))]
                : null,
        };
    }

    private List<LicenseArn> ParseArns(IReadOnlyList<string> arns)
    {
        if (arns.Count > _quotas.ArnsPerListRequest)
        {
            throw new InvalidParameterValueException($"{arns.Count} LicenseArns were given; at most {_quotas.ArnsPerListRequest} are allowed per request.");
        }

        return [.. arns.Select(a => LicenseArn.Parse(a, "LicenseArns member"))];
    }

    /// <summary>The license if the caller issued it or holds a grant of it, in this Region, and it is not gone.</summary>
    internal async Task<License> ResolveReadableAsync(Scope scope, string? licenseArn, string parameterName, Func<string, Exception> notFound, CancellationToken ct)
    {
        var arn = LicenseArn.Parse(licenseArn, parameterName);
        License? license = null;
        if (arn.AccountId == scope.AccountId)
        {
            license = await _store.FindAsync(scope, arn.Id, ct);
        }
        else if ((await _grants.ListReceivedAsync(scope, new GrantQuery { LicenseArns = [arn.ToString()], Limit = 1 }, ct)).Items.Count > 0)
        {
            license = await _store.FindAsync(new Scope(arn.AccountId, scope.Region), arn.Id, ct);
        }

        return license is not null && license.IsReadableAt(_time.GetUtcNow()) ? license : throw notFound(NotFoundMessage(licenseArn, scope));
    }

    private async Task<License> ResolveIssuedAsync(Scope scope, string? licenseArn, string action, Func<string, Exception> notFound, CancellationToken ct)
    {
        var license = await ResolveReadableAsync(scope, licenseArn, "LicenseArn", notFound, ct);
        return license.AccountId == scope.AccountId
            ? license
            : throw new AccessDeniedException($"Only the issuer of license '{license.Arn}' can {action} it; this account received it through a grant.");
    }

    private async Task<LicenseVersion> BuildVersionAsync(
        Scope scope, LicenseContent content, string productSku, string beneficiary, LicenseStatus issued, bool resetUsage, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = LicenseRules.RequireText(content.LicenseName, "LicenseName");
        var product = LicenseRules.RequireText(content.ProductName, "ProductName");
        var issuerName = LicenseRules.RequireText(content.IssuerName, "Issuer.Name");
        LicenseRules.ValidateHomeRegion(content.HomeRegion, scope);
        var validity = LicenseRules.Validity(content.ValidityBegin, content.ValidityEnd);
        LicenseRules.ValidateEntitlements(content.Entitlements, _quotas.EntitlementsPerLicense);
        LicenseRules.ValidateConsumption(content.Consumption);
        LicenseRules.ValidateMetadata(content.Metadata);
        var signKey = await ResolveSignKeyAsync(scope, content.IssuerSignKey, ct);
        return new LicenseVersion
        {
            Number = 1,
            Name = name,
            ProductName = product,
            ProductSku = productSku,
            Beneficiary = beneficiary,
            Issuer = new LicenseIssuer(issuerName, signKey, LicenseIssuer.Fingerprint(scope.AccountId, issuerName)),
            HomeRegion = scope.Region,
            Validity = validity,
            Entitlements = [.. content.Entitlements],
            Consumption = content.Consumption,
            Metadata = [.. content.Metadata ?? []],
            IssuedStatus = issued,
            ResetUsage = resetUsage,
            CreatedAt = now,
        };
    }

    // Licentia signs license tokens with the issuer's key, so a license needs one: a SIGN_VERIFY key of the caller's
    // account in the license's home Region (KMS keys are regional), given by its ARN.
    private async Task<string> ResolveSignKeyAsync(Scope scope, string? signKey, CancellationToken ct)
    {
        var expected = $"the ARN of an asymmetric SIGN_VERIFY KMS key of account {scope.AccountId} in {scope.Region} (kms create-key --key-usage SIGN_VERIFY)";
        if (signKey is null)
        {
            throw new ValidationException($"Issuer.SignKey is required: give {expected}.");
        }

        if (!Arn.TryParse(signKey, out var arn) || arn.Service != SigningKeyArn.Service
            || !arn.Resource.StartsWith(SigningKeyArn.ResourcePrefix, StringComparison.Ordinal))
        {
            throw new ValidationException($"Issuer.SignKey '{signKey}' is not a KMS key ARN; give {expected}.");
        }

        var id = arn.Resource[SigningKeyArn.ResourcePrefix.Length..];
        if (arn.AccountId != scope.AccountId || arn.Region != scope.Region || !SigningKeyArn.IsKeyId(id)
            || await _keys.FindAsync(scope, id, ct) is not { } key)
        {
            throw new ValidationException($"Issuer.SignKey '{signKey}' does not exist; give {expected}.");
        }

        return key.Arn;
    }

    private static void RequireCurrentVersion(string arn, long current, string? given, string member)
    {
        if (given is not null && given != current.ToString(CultureInfo.InvariantCulture))
        {
            throw new ConflictException($"{member} '{given}' is not the current version of license '{arn}', which is {current}. Read it again and retry.");
        }
    }

    private static long ParseVersion(string text, string member) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number
            : throw new InvalidParameterValueException($"{member} '{text}' is not a license version; versions are 1, 2, 3, ….");

    private static LicenseView View(License license, LicenseVersion version, DateTimeOffset now) => new(license, version, license.StatusAt(version, now));

    private static string NotFoundMessage(string? arn, Scope scope) =>
        $"License '{arn}' does not exist, or is not visible to account {scope.AccountId} in {scope.Region}.";
}
