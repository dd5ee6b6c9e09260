using System.Globalization;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;
using Licentia.Core.Paging;
using Licentia.Core.Tagging;

namespace Licentia.Core.Entitlements.Grants;

/// <summary>
/// The use cases of grants, one method per operation. The grantor (the issuer, or a grantee redistributing with
/// CreateGrant) creates, amends, deactivates and deletes; the grantee accepts, rejects, activates and deactivates.
/// A grant is visible to those two accounts only; to any other it does not exist.
/// </summary>
public sealed class GrantManager
{
    private readonly IGrantStore _store;
    private readonly ILicenseStore _licenses;
    private readonly LicensingQuotas _quotas;
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;

    public GrantManager(IGrantStore store, ILicenseStore licenses, LicensingQuotas quotas, TimeProvider time, IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(licenses);
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _licenses = licenses;
        _quotas = quotas;
        _time = time;
        _random = random ?? CryptoRandomSource.Instance;
    }

    public const string DistributedGrantsOnly = "DISTRIBUTED_GRANTS_ONLY";
    public const string AllGrantsPermittedByIssuer = "ALL_GRANTS_PERMITTED_BY_ISSUER";

    private enum Role
    {
        Grantor,
        Grantee,
    }

    /// <summary>
    /// CreateGrant: grants the license to one account (PENDING_ACCEPT) or organization (PENDING_WORKFLOW). The caller is
    /// the license's issuer, or holds an ACTIVE grant of it that allows CreateGrant and grants no more than that allows.
    /// </summary>
    /// <exception cref="InvalidParameterValueException">A member is not valid, or the license is not visible to the caller.</exception>
    /// <exception cref="ValidationException">The HomeRegion is not the license's, the principal is the caller or the issuer, or the license is deleted.</exception>
    /// <exception cref="AccessDeniedException">The caller received the license without the right to redistribute it, or asks for more than it received.</exception>
    /// <exception cref="ResourceLimitExceededException">The license already has the most grants allowed.</exception>
    public async Task<Grant> CreateGrantAsync(Scope scope, CreateGrantCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = LicenseRules.RequireText(command.GrantName, "GrantName");
        if (command.Principals is not { Count: 1 })
        {
            throw new InvalidParameterValueException($"Principals must hold exactly one principal, not {command.Principals?.Count ?? 0}.");
        }

        var principal = GrantPrincipal.Parse(command.Principals[0]);
        if (command.HomeRegion != scope.Region)
        {
            throw new ValidationException($"HomeRegion '{command.HomeRegion}' must be the Region of the request ({scope.Region}), where the license lives.");
        }

        var operations = GrantOperationNames.ParseAll(command.AllowedOperations);
        TagRules.ValidateTags(command.Tags, _quotas.TagsPerResource);
        var licenseArn = LicenseArn.Parse(command.LicenseArn);
        var now = _time.GetUtcNow();

        License? license;
        string parentArn;
        if (licenseArn.AccountId == scope.AccountId)
        {
            license = await _licenses.FindAsync(scope, licenseArn.Id, ct);
            parentArn = licenseArn.ToString();
        }
        else
        {
            var received = await _store.ListReceivedAsync(scope, new GrantQuery { LicenseArns = [licenseArn.ToString()], Limit = _quotas.MaxPageSize }, ct);
            if (received.Items.Count == 0)
            {
                throw LicenseNotFound(licenseArn.ToString(), scope);
            }

            var parent = received.Items.FirstOrDefault(g => g.Status == GrantStatus.Active && g.Latest.Allows(GrantOperation.CreateGrant))
                ?? throw new AccessDeniedException(
                    $"This account received license '{licenseArn}' without the right to grant it: redistributing needs an ACTIVE grant whose AllowedOperations include CreateGrant.");
            RequireWithin(operations, parent);
            license = await _licenses.FindAsync(new Scope(licenseArn.AccountId, scope.Region), licenseArn.Id, ct);
            parentArn = parent.Arn;
        }

        if (license is null || !license.IsReadableAt(now))
        {
            throw LicenseNotFound(licenseArn.ToString(), scope);
        }

        if (license.DeletedAt is not null)
        {
            throw new ValidationException($"License '{license.Arn}' is deleted; it cannot be granted any more.");
        }

        if (principal.AccountId == scope.AccountId || principal.AccountId == license.AccountId)
        {
            throw new ValidationException($"Principal '{principal.Arn}' is the grantor or the license's issuer; grant the license to another account.");
        }

        var id = GrantArn.NewId(_random);
        var grant = new Grant
        {
            Id = id,
            Arn = GrantArn.Format(scope.AccountId, id),
            AccountId = scope.AccountId,
            Region = scope.Region,
            LicenseArn = license.Arn,
            ParentArn = parentArn,
            GranteePrincipalArn = principal.Arn,
            GranteeAccountId = principal.AccountId,
            CreatedAt = now,
            Versions =
            [
                new GrantVersion
                {
                    Number = 1,
                    Name = name,
                    Status = principal.IsOrganization ? GrantStatus.PendingWorkflow : GrantStatus.PendingAccept,
                    AllowedOperations = operations,
                    CreatedAt = now,
                },
            ],
        };
        if (!await _store.TryInsertAsync(grant, [.. command.Tags ?? []], _quotas.GrantsPerLicense, ct))
        {
            throw new ResourceLimitExceededException(
                $"License '{license.Arn}' already has {_quotas.GrantsPerLicense} grants that are not rejected, failed or deleted, the most allowed.");
        }

        return grant;
    }

    /// <summary>GetGrant: the current version, or the one asked for, to the grantor or the grantee.</summary>
    /// <exception cref="InvalidParameterValueException">No such grant (or version) visible to the caller.</exception>
    public async Task<(Grant Grant, GrantVersion Version)> GetGrantAsync(Scope scope, string grantArn, string? version, CancellationToken ct)
    {
        var (grant, _) = await ResolveAsync(scope, grantArn, ct);
        if (version is null)
        {
            return (grant, grant.Latest);
        }

        var wanted = grant.FindVersion(ParseVersion(version, "Version"))
            ?? throw new InvalidParameterValueException($"Grant '{grant.Arn}' has no version '{version}'; its current version is {grant.Version}.");
        return (grant, wanted);
    }

    /// <summary>
    /// CreateGrantVersion. The grantee may only change the status: ACTIVE (activate an accepted grant) or DISABLED
    /// (deactivate it). The grantor may rename, change the operations (a redistributed grant within what its parent
    /// allows) and deactivate. Accepting, rejecting and deleting have their own operations.
    /// </summary>
    /// <exception cref="InvalidParameterValueException">No such grant visible to the caller, or a member is not valid.</exception>
    /// <exception cref="ConflictException">SourceVersion is not the current version, or the grant changed meanwhile.</exception>
    /// <exception cref="AccessDeniedException">The change is the other party's to make.</exception>
    /// <exception cref="ValidationException">The status move is not allowed from the grant's status.</exception>
    public async Task<Grant> CreateGrantVersionAsync(Scope scope, CreateGrantVersionCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = command.GrantName is null ? null : LicenseRules.RequireText(command.GrantName, "GrantName");
        var operations = command.AllowedOperations is null ? null : GrantOperationNames.ParseAll(command.AllowedOperations);
        if (name is null && operations is null && command.Status is null && command.ActivationOverrideBehavior is null)
        {
            throw new ValidationException("CreateGrantVersion changes nothing: give GrantName, AllowedOperations, Status or Options.");
        }

        ValidateActivationOverride(command.ActivationOverrideBehavior, command.Status);
        var (current, role) = await ResolveAsync(scope, command.GrantArn, ct);
        RequireCurrentVersion(current, command.SourceVersion, "SourceVersion");
        var now = _time.GetUtcNow();
        var next = current;
        if (name is not null || operations is not null)
        {
            if (role != Role.Grantor)
            {
                throw new AccessDeniedException(
                    $"Only the grantor of '{current.Arn}' can change its name or operations; as its grantee, change only its Status (ACTIVE or DISABLED).");
            }

            if (operations is not null && current.IsRedistributed && GrantArn.TryParse(current.ParentArn, out var parentArn))
            {
                var parent = await _store.FindReceivedAsync(scope, parentArn.Id, ct);
                if (parent is not null)
                {
                    RequireWithin(operations, parent);
                }
            }

            next = next.Amend(now, name, operations, activationOverride: null);
        }

        if (command.Status is { } status && status != current.Status)
        {
            next = (status, role) switch
            {
                (GrantStatus.Active, Role.Grantee) => next.Activate(now, command.StatusReason, GrantedOverride(current, command.ActivationOverrideBehavior)),
                (GrantStatus.Active, Role.Grantor) => throw new AccessDeniedException(
                    $"Only the grantee can activate grant '{current.Arn}' (after AcceptGrant, CreateGrantVersion with Status ACTIVE)."),
                (GrantStatus.Disabled, _) => next.Deactivate(now, command.StatusReason),
                _ => throw new ValidationException(
                    $"CreateGrantVersion cannot set Status {GrantStatusNames.ToWire(status)}: it sets ACTIVE or DISABLED. " +
                    "Use AcceptGrant, RejectGrant or DeleteGrant for the other moves."),
            };
        }
        else if (command.ActivationOverrideBehavior is not null)
        {
            throw new ValidationException(
                $"Grant '{current.Arn}' is already {GrantStatusNames.ToWire(current.Status)}; Options.ActivationOverrideBehavior is given only when the grant is activated.");
        }

        if (next.Version == current.Version)
        {
            return current;
        }

        return await SaveAsync(next, current.Version, ct);
    }

    /// <summary>DeleteGrant: the grantor ends the grant; Version must be the current version.</summary>
    /// <exception cref="InvalidParameterValueException">No such grant visible to the caller.</exception>
    /// <exception cref="AccessDeniedException">The caller is the grantee.</exception>
    /// <exception cref="ConflictException">Version is not the current version.</exception>
    /// <exception cref="ValidationException">Already deleted.</exception>
    public async Task<Grant> DeleteGrantAsync(Scope scope, string grantArn, string version, string? statusReason, CancellationToken ct)
    {
        var (current, role) = await ResolveAsync(scope, grantArn, ct);
        if (role != Role.Grantor)
        {
            throw new AccessDeniedException($"Only the grantor can delete grant '{current.Arn}'; as its grantee, reject it or deactivate it.");
        }

        RequireCurrentVersion(current, version ?? string.Empty, "Version");
        return await SaveAsync(current.Delete(_time.GetUtcNow(), statusReason), current.Version, ct);
    }

    /// <summary>AcceptGrant: the grantee accepts; the grant becomes DISABLED until the grantee activates it.</summary>
    public Task<Grant> AcceptGrantAsync(Scope scope, string grantArn, CancellationToken ct) =>
        AsGranteeAsync(scope, grantArn, "accept", (g, now) => g.Accept(now), ct);

    /// <summary>RejectGrant: the grantee declines a pending grant; REJECTED is final.</summary>
    public Task<Grant> RejectGrantAsync(Scope scope, string grantArn, CancellationToken ct) =>
        AsGranteeAsync(scope, grantArn, "reject", (g, now) => g.Reject(now), ct);

    /// <summary>ListDistributedGrants: grants the caller made in this Region.</summary>
    public Task<Page<Grant>> ListDistributedGrantsAsync(Scope scope, ListGrantsCommand command, CancellationToken ct) =>
        ListAsync(scope, command, EntitlementFilters.ListDistributedGrants, _store.ListDistributedAsync, ct);

    /// <summary>ListReceivedGrants: grants made to the caller's account in this Region.</summary>
    public Task<Page<Grant>> ListReceivedGrantsAsync(Scope scope, ListGrantsCommand command, CancellationToken ct) =>
        ListAsync(scope, command, EntitlementFilters.ListReceivedGrants, _store.ListReceivedAsync, ct);

    private async Task<Page<Grant>> ListAsync(
        Scope scope, ListGrantsCommand command, IReadOnlyList<string> supported, Func<Scope, GrantQuery, CancellationToken, Task<Page<Grant>>> list, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var filters = EntitlementFilters.Parse(command.Filters, supported, _quotas);
        var query = new GrantQuery
        {
            Limit = EntitlementFilters.PageSize(command.MaxResults, _quotas),
            After = command.After,
            LicenseArns = filters.Values("LicenseArn"),
            Statuses = filters.Values("GrantStatus") is { } statuses
                ? [.. statuses.Select(s => GrantStatusNames.Parse(s, "Value of filter 'GrantStatus'"))]
                : null,
            GranteePrincipalArns = filters.Values("GranteePrincipalARN"),
            GrantorAccountIds = filters.Values("GranterAccountId"),
            ProductSkus = filters.Values("ProductSKU"),
            IssuerNames = filters.Values("LicenseIssuerName"),
        };
        if (command.GrantArns is { Count: > 0 } arns)
        {
            if (arns.Count > _quotas.ArnsPerListRequest)
            {
                throw new InvalidParameterValueException($"{arns.Count} GrantArns were given; at most {_quotas.ArnsPerListRequest} are allowed per request.");
            }

            query = query with { Ids = [.. arns.Select(a => GrantArn.Parse(a, "GrantArns member").Id).Distinct(StringComparer.Ordinal)] };
        }

        return await list(scope, query, ct);
    }

    private async Task<Grant> AsGranteeAsync(Scope scope, string grantArn, string action, Func<Grant, DateTimeOffset, Grant> move, CancellationToken ct)
    {
        var (current, role) = await ResolveAsync(scope, grantArn, ct);
        if (role != Role.Grantee)
        {
            throw new AccessDeniedException($"Only the grantee can {action} grant '{current.Arn}'.");
        }

        return await SaveAsync(move(current, _time.GetUtcNow()), current.Version, ct);
    }

    private async Task<Grant> SaveAsync(Grant next, long expectedVersion, CancellationToken ct) =>
        await _store.TryUpdateAsync(next, expectedVersion, ct)
            ? next
            : throw new ConflictException($"Grant '{next.Arn}' was changed by another request (it is no longer version {expectedVersion}). Read it again and retry.");

    private async Task<(Grant Grant, Role Role)> ResolveAsync(Scope scope, string? grantArn, CancellationToken ct)
    {
        var arn = GrantArn.Parse(grantArn);
        if (arn.AccountId == scope.AccountId && await _store.FindAsync(scope, arn.Id, ct) is { } own)
        {
            return (own, Role.Grantor);
        }

        return await _store.FindReceivedAsync(scope, arn.Id, ct) is { } received && received.AccountId == arn.AccountId
            ? (received, Role.Grantee)
            : throw new InvalidParameterValueException($"Grant '{grantArn}' does not exist, or is not visible to account {scope.AccountId} in {scope.Region}.");
    }

    /// <summary>
    /// Options.ActivationOverrideBehavior, as the API reference describes it: given only together with Status ACTIVE;
    /// the grantee may choose one when it activates a grant whose grantor chose none. (A grantor chooses one when it
    /// activates an organization member's grant: that comes with the Organizations workflow.) It is stored and
    /// returned in the grant's Options, and changes nothing else here: the reference limits activation options to
    /// licenses sourced from AWS Marketplace, and Licentia only has seller-issued licenses, so no other active grant is
    /// ever replaced by it.
    /// </summary>
    private static void ValidateActivationOverride(string? behavior, GrantStatus? status)
    {
        if (behavior is null)
        {
            return;
        }

        if (behavior is not (DistributedGrantsOnly or AllGrantsPermittedByIssuer))
        {
            throw new ValidationException(
                $"Options.ActivationOverrideBehavior '{behavior}' is not valid. Allowed values: {DistributedGrantsOnly}, {AllGrantsPermittedByIssuer}.");
        }

        if (status != GrantStatus.Active)
        {
            throw new ValidationException("Options.ActivationOverrideBehavior applies when a grant is activated: give it with Status ACTIVE.");
        }
    }

    private static string? GrantedOverride(Grant current, string? requested) =>
        requested is null || current.Latest.ActivationOverrideBehavior is null || requested == current.Latest.ActivationOverrideBehavior
            ? requested ?? current.Latest.ActivationOverrideBehavior
            : throw new AccessDeniedException(
                $"The grantor of '{current.Arn}' chose ActivationOverrideBehavior {current.Latest.ActivationOverrideBehavior}; a grantee may choose one only when the grantor did not.");

    private static void RequireWithin(IReadOnlyList<GrantOperation> operations, Grant parent)
    {
        var beyond = operations.Where(o => !parent.Latest.Allows(o)).Select(GrantOperationNames.ToWire).ToList();
        if (beyond.Count > 0)
        {
            throw new AccessDeniedException(
                $"AllowedOperations {string.Join(", ", beyond)} go beyond what grant '{parent.Arn}' allows this account " +
                $"({string.Join(", ", parent.Latest.AllowedOperations.Select(GrantOperationNames.ToWire))}); a redistributed grant can only pass on what was received.");
        }
    }

    private static void RequireCurrentVersion(Grant grant, string? given, string member)
    {
        if (given is not null && given != grant.Version.ToString(CultureInfo.InvariantCulture))
        {
            throw new ConflictException($"{member} '{given}' is not the current version of grant '{grant.Arn}', which is {grant.Version}. Read it again and retry.");
        }
    }

    private static long ParseVersion(string text, string member) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number
            : throw new InvalidParameterValueException($"{member} '{text}' is not a grant version; versions are 1, 2, 3, ….");

    private static InvalidParameterValueException LicenseNotFound(string arn, Scope scope) =>
        new($"License '{arn}' does not exist, or is not visible to account {scope.AccountId} in {scope.Region}.");
}
