using Licentia.Core.Errors;
using Licentia.Core.Identifiers;
using Licentia.Core.Licensing;
using Licentia.Core.Paging;
using Licentia.Core.Tagging;

namespace Licentia.Core.LicenseConfigurations;

/// <summary>
/// The use cases of license configurations, one method per operation. Every request is validated in
/// full before anything is written, so a refused request changes nothing.
/// </summary>
public sealed partial class LicenseConfigurationManager
{
    private readonly ILicenseConfigurationStore _store;
    private readonly ITagStore _tags;
    private readonly LicensingQuotas _quotas;
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;
    private readonly ILicensingStore? _licensing;

    /// <param name="licensing">
    /// Where associations are kept; with it, deleting a configuration that still has associations is refused
    /// with a message that lists them. (The store refuses such a delete in any case.)
    /// </param>
    public LicenseConfigurationManager(
        ILicenseConfigurationStore store,
        ITagStore tags,
        LicensingQuotas quotas,
        TimeProvider time,
        IRandomSource? random = null,
        ILicensingStore? licensing = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _tags = tags;
        _quotas = quotas;
        _time = time;
        _random = random ?? CryptoRandomSource.Instance;
        _licensing = licensing;
    }

    /// <summary>CreateLicenseConfiguration: stores a new configuration with its tags; returns it.</summary>
    /// <exception cref="InvalidParameterValueException">A member is not valid.</exception>
    /// <exception cref="ResourceLimitExceededException">The scope holds the maximum number of configurations.</exception>
    public async Task<LicenseConfiguration> CreateAsync(Scope scope, CreateLicenseConfigurationCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        LicenseConfigurationRules.ValidateCountingType(command.CountingType);
        TagRules.ValidateTags(command.Tags, _quotas.TagsPerResource);

        var now = _time.GetUtcNow();
        var id = LicenseConfigurationArn.NewId(_random);
        var configuration = new LicenseConfiguration
        {
            Id = id,
            Arn = LicenseConfigurationArn.Format(scope, id),
            AccountId = scope.AccountId,
            Region = scope.Region,
            Name = command.Name,
            Description = command.Description,
            CountingType = command.CountingType,
            LicenseCount = command.LicenseCount,
            LicenseCountHardLimit = command.LicenseCountHardLimit ?? false,
            Rules = [.. command.LicenseRules ?? []],
            Status = LicenseConfigurationStatus.Available,
            DisassociateWhenNotFound = command.DisassociateWhenNotFound ?? false,
            ProductInformation = [.. command.ProductInformationList ?? []],
            LicenseExpiry = command.LicenseExpiry,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        LicenseConfigurationRules.Validate(configuration);

        if (!await _store.TryInsertAsync(configuration, [.. command.Tags ?? []], _quotas.LicenseConfigurationsPerScope, ct))
        {
            throw new ResourceLimitExceededException(
                $"This account already has {_quotas.LicenseConfigurationsPerScope} license configurations in {scope.Region}, " +
                "the most allowed. Delete unused configurations or raise the quota.");
        }

        return configuration;
    }

    /// <summary>GetLicenseConfiguration. Tags come from <see cref="ListTagsForResourceAsync"/>.</summary>
    /// <exception cref="InvalidParameterValueException">The ARN is malformed or names no configuration of this scope.</exception>
    public async Task<LicenseConfiguration> GetAsync(Scope scope, string licenseConfigurationArn, CancellationToken ct) =>
        (await ResolveAsync(scope, licenseConfigurationArn, "LicenseConfigurationArn", ct)).Configuration;

    /// <summary>ListLicenseConfigurations: filters, optional ARNs, keyset paging through the store's cursor.</summary>
    /// <exception cref="InvalidParameterValueException">A filter, value, ARN or MaxResults is not valid.</exception>
    /// <exception cref="FilterLimitExceededException">Too many filters or filter values.</exception>
    public async Task<Page<LicenseConfiguration>> ListAsync(Scope scope, ListLicenseConfigurationsCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.MaxResults < 1)
        {
            throw new InvalidParameterValueException($"MaxResults {command.MaxResults} is not valid; it must be at least 1.");
        }

        var query = new LicenseConfigurationQuery
        {
            Limit = Math.Min(command.MaxResults ?? _quotas.DefaultPageSize, _quotas.MaxPageSize),
            After = command.After,
        };
        query = LicenseConfigurationFilters.Apply(query, command.Filters, _quotas);

        if (command.LicenseConfigurationArns is { Count: > 0 } arns)
        {
            if (arns.Count > _quotas.ArnsPerListRequest)
            {
                throw new InvalidParameterValueException(
                    $"{arns.Count} LicenseConfigurationArns were given; at most {_quotas.ArnsPerListRequest} are allowed per request.");
            }

            // ARNs of other accounts or Regions simply match nothing: listing must not reveal what exists elsewhere.
            var ids = arns
                .Select(a => LicenseConfigurationArn.Parse(a, "LicenseConfigurationArns member"))
                .Where(a => a.Scope == scope)
                .Select(a => a.Id)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (ids.Length == 0)
            {
                return new Page<LicenseConfiguration>([], null);
            }

            query = query with { Ids = ids };
        }

        return await _store.ListAsync(scope, query, ct);
    }

    /// <summary>
    /// UpdateLicenseConfiguration: changes only the given members and returns the stored result. If
    /// another writer changed the configuration meanwhile, the update is re-applied to the fresh copy
    /// (up to <see cref="LicensingQuotas.UpdateAttempts"/> times) before <see cref="ConflictException"/>.
    /// </summary>
    /// <exception cref="InvalidParameterValueException">A member is not valid, or the ARN names no configuration of this scope.</exception>
    /// <exception cref="ConflictException">The configuration kept changing under concurrent updates.</exception>
    public async Task<LicenseConfiguration> UpdateAsync(Scope scope, UpdateLicenseConfigurationCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Checks that do not depend on the stored copy go first, so a bad request never reaches the store.
        if (command.Name is not null)
        {
            LicenseConfigurationRules.ValidateName(command.Name);
        }

        LicenseConfigurationRules.ValidateDescription(command.Description);
        LicenseConfigurationRules.ValidateLicenseCount(command.LicenseCount);
        LicenseConfigurationRules.ValidateLicenseExpiry(command.LicenseExpiry);

        for (var attempt = 1; ; attempt++)
        {
            var (_, current) = await ResolveAsync(scope, command.LicenseConfigurationArn, "LicenseConfigurationArn", ct);
            var changed = ApplyChanges(current, command, _time.GetUtcNow());
            if (changed == current)
            {
                return current;
            }

            LicenseConfigurationRules.Validate(changed);
            var stored = changed with { Version = current.Version + 1 };
            if (await _store.TryUpdateAsync(stored, current.Version, ct))
            {
                return stored;
            }

            if (attempt >= _quotas.UpdateAttempts)
            {
                throw new ConflictException(
                    $"License configuration '{current.Arn}' was changed by other requests while this update was applied " +
                    $"({attempt} attempts). Read it again and retry.");
            }
        }
    }

    /// <summary>
    /// DeleteLicenseConfiguration: removes the configuration and its tags. Refused while resources are still
    /// associated with it: the message names them and says how to disassociate them.
    /// </summary>
    /// <exception cref="InvalidParameterValueException">The ARN is malformed, names no configuration of this scope, or the configuration has associations.</exception>
    public async Task DeleteAsync(Scope scope, string licenseConfigurationArn, CancellationToken ct)
    {
        var arn = ParseInScope(scope, licenseConfigurationArn, "LicenseConfigurationArn");
        if (_licensing is not null && await _licensing.HasAssociationsAsync(scope, arn.Id, ct))
        {
            throw await StillAssociatedAsync(scope, arn, ct);
        }

        // The store re-checks under the configuration's lock, so an association made meanwhile is not lost.
        if (!await _store.DeleteAsync(scope, arn.Id, ct))
        {
            if (await _store.FindAsync(scope, arn.Id, ct) is not null)
            {
                throw await StillAssociatedAsync(scope, arn, ct);
            }

            throw NotFound(licenseConfigurationArn);
        }
    }

    private async Task<InvalidParameterValueException> StillAssociatedAsync(Scope scope, LicenseConfigurationArn arn, CancellationToken ct)
    {
        const int shown = 5;
        var names = string.Empty;
        if (_licensing is not null)
        {
            var page = await _licensing.ListAssociationsAsync(scope, arn.Id, null, shown + 1, ct);
            names = ": " + string.Join(", ", page.Items.Take(shown).Select(a => a.ResourceArn)) + (page.Items.Count > shown ? ", ..." : string.Empty);
        }

        return new InvalidParameterValueException(
            $"License configuration '{arn}' is still associated with resources{names}. Disassociate them first " +
            "(UpdateLicenseSpecificationsForResource with RemoveLicenseSpecifications, or terminate the instances), then delete it.");
    }

    private static LicenseConfiguration ApplyChanges(LicenseConfiguration current, UpdateLicenseConfigurationCommand command, DateTimeOffset now)
    {
        var changed = current with
        {
            Name = command.Name ?? current.Name,
            Description = command.Description ?? current.Description,
            LicenseCount = command.LicenseCount ?? current.LicenseCount,
            LicenseCountHardLimit = command.LicenseCountHardLimit ?? current.LicenseCountHardLimit,
            Rules = command.LicenseRules is null ? current.Rules : [.. command.LicenseRules],
            ProductInformation = command.ProductInformationList is null ? current.ProductInformation : [.. command.ProductInformationList],
            DisassociateWhenNotFound = command.DisassociateWhenNotFound ?? current.DisassociateWhenNotFound,
            LicenseExpiry = command.LicenseExpiry ?? current.LicenseExpiry,
        };
        if (command.Status is { } status)
        {
            changed = changed.WithStatus(status, now);
        }

        // Lists compare by reference in records; compare their contents so a repeated update is a no-op.
        var same = changed with { Rules = current.Rules, ProductInformation = current.ProductInformation, UpdatedAt = current.UpdatedAt } == current
            && changed.Rules.SequenceEqual(current.Rules)
            && SameProducts(changed.ProductInformation, current.ProductInformation);
        return same ? current : changed with { UpdatedAt = now };
    }

    private static bool SameProducts(IReadOnlyList<ProductInformation> a, IReadOnlyList<ProductInformation> b) =>
        a.Count == b.Count && a.Zip(b).All(pair =>
            pair.First.ResourceType == pair.Second.ResourceType
            && pair.First.Filters.Count == pair.Second.Filters.Count
            && pair.First.Filters.Zip(pair.Second.Filters).All(f =>
                f.First.Name == f.Second.Name
                && f.First.Comparator == f.Second.Comparator
                && f.First.Values.SequenceEqual(f.Second.Values)));

    private async Task<(LicenseConfigurationArn Arn, LicenseConfiguration Configuration)> ResolveAsync(
        Scope scope, string? arnText, string parameterName, CancellationToken ct)
    {
        var arn = ParseInScope(scope, arnText, parameterName);
        var configuration = await _store.FindAsync(scope, arn.Id, ct) ?? throw NotFound(arnText);
        return (arn, configuration);
    }

    // A well-formed ARN of another account or Region gets the same answer as an unknown one, so a
    // caller cannot probe what exists outside its own scope.
    private static LicenseConfigurationArn ParseInScope(Scope scope, string? arnText, string parameterName)
    {
        var arn = LicenseConfigurationArn.Parse(arnText, parameterName);
        return arn.Scope == scope ? arn : throw NotFound(arnText);
    }

    private static InvalidParameterValueException NotFound(string? arnText) =>
        new($"License configuration '{arnText}' does not exist in this account and Region.");
}
