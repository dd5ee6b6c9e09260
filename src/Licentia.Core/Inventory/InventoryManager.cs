using System.Globalization;
using System.Text;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;
using Licentia.Core.Inventory.Errors;
using Licentia.Core.Paging;
using Licentia.Core.Security;

namespace Licentia.Core.Inventory;

/// <summary>
/// The use cases of hybrid activations, managed nodes and inventory: one method per SSM operation, plus the
/// agent's registration and the key lookup that signature verification uses. A managed node's own credentials
/// (<see cref="InventoryCaller.IsManagedInstance"/>) may only report and read about that node.
/// </summary>
public sealed class InventoryManager
{
    public const int DefaultPageSize = 50;

    // GetInventory filters in memory; a request examines at most this many nodes before it returns a NextToken.
    private const int ScanBudget = 5_000;

    // Aggregation reads the whole fleet, this many nodes (with their items) at a time.
    private const int AggregationBatch = 200;

    private readonly IInventoryStore _store;
    private readonly ISecretProtector _protector;
    private readonly InventoryOptions _options;
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;
    private readonly Discovery.IManagedServerObserver? _observer;

    /// <param name="observer">Told of new inventory (it wakes discovery) and of deregistrations (it releases their licenses).</param>
    public InventoryManager(
        IInventoryStore store, ISecretProtector protector, InventoryOptions options, TimeProvider time, IRandomSource? random = null,
        Discovery.IManagedServerObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _protector = protector;
        _options = options;
        _time = time;
        _random = random ?? CryptoRandomSource.Instance;
        _observer = observer;
    }

    public InventoryOptions Options => _options;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>
    /// Who is calling with this access key in this scope: an account principal for an account key, or the managed
    /// node a node key belongs to.
    /// </summary>
    /// <exception cref="AccessDeniedException">A node key that no longer exists, or used outside its node's Region.</exception>
    public async Task<InventoryCaller> ResolveCallerAsync(Scope scope, string accessKeyId, CancellationToken ct)
    {
        if (!ManagedInstanceCredentials.IsInstanceAccessKeyId(accessKeyId))
        {
            return new InventoryCaller(scope, null);
        }

        var key = await _store.FindInstanceKeyAsync(accessKeyId, ct);
        if (key is null || key.Scope != scope)
        {
            throw new AccessDeniedException($"The credentials of a managed node can only be used in that node's Region ({key?.Region ?? "unknown"}).");
        }

        return new InventoryCaller(scope, key.InstanceId);
    }

    /// <summary>For SigV4: the secret and owner of a managed node's access key, or null. Never cached, so deregistration takes effect at once.</summary>
    public async Task<ResolvedInstanceKey?> ResolveAccessKeyAsync(string accessKeyId, CancellationToken ct)
    {
        if (!ManagedInstanceCredentials.IsInstanceAccessKeyId(accessKeyId))
        {
            return null;
        }

        var key = await _store.FindInstanceKeyAsync(accessKeyId, ct);
        return key is null
            ? null
            : new ResolvedInstanceKey(key.AccountId, key.Region, key.InstanceId, Encoding.UTF8.GetString(_protector.Unprotect(key.EncryptedSecret.Span)));
    }

    /// <summary>CreateActivation: a new activation; its code is returned this once and stored only as a hash.</summary>
    /// <exception cref="InvalidParameters">A member is out of range.</exception>
    public async Task<NewActivation> CreateActivationAsync(InventoryCaller caller, CreateActivationCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        RequireAccount(caller, "CreateActivation");
        ActivationRules.Validate(command);
        var now = _time.GetUtcNow();
        var code = ActivationRules.NewCode(_random);
        var activation = new Activation
        {
            Id = ManagedInstanceIds.NewActivationId(_random),
            AccountId = caller.Scope.AccountId,
            Region = caller.Scope.Region,
            Description = command.Description ?? string.Empty,
            DefaultInstanceName = command.DefaultInstanceName ?? string.Empty,
            IamRole = command.IamRole,
            RegistrationLimit = ActivationRules.ResolveLimit(command.RegistrationLimit),
            ExpiresAt = ActivationRules.ResolveExpiry(command.ExpirationDate, now),
            CreatedAt = now,
            CodeHash = ActivationRules.HashCode(code),
            Tags = command.Tags ?? [],
        };
        if (!await _store.TryInsertActivationAsync(activation, _options.ActivationsPerRegion, ct))
        {
            throw new InvalidParameters($"This account already has {_options.ActivationsPerRegion} activations in {caller.Scope.Region}, the most allowed.");
        }

        return new NewActivation(activation, code);
    }

    /// <summary>DescribeActivations.</summary>
    public Task<Page<Activation>> DescribeActivationsAsync(InventoryCaller caller, ActivationQuery query, string? after, int? limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireAccount(caller, "DescribeActivations");
        return _store.ListActivationsAsync(caller.Scope, query, after, limit ?? DefaultPageSize, ct);
    }

    /// <summary>DeleteActivation: no further registrations; nodes registered with it stay.</summary>
    /// <exception cref="InvalidActivationId">No such activation in this account and Region.</exception>
    public async Task DeleteActivationAsync(InventoryCaller caller, string activationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireAccount(caller, "DeleteActivation");
        if (!ManagedInstanceIds.IsActivationId(activationId) || !await _store.DeleteActivationAsync(caller.Scope, activationId, ct))
        {
            throw new InvalidActivationId($"Activation {activationId} does not exist in this account and Region.");
        }
    }

    /// <summary>
    /// The agent's registration: checks the activation and its code, then takes a slot and creates the node and its
    /// access key in one transaction. The secret is returned this once and stored only encrypted.
    /// </summary>
    /// <exception cref="InvalidActivation">Unknown or deleted activation, or a wrong code.</exception>
    /// <exception cref="ActivationExpired">The activation has expired.</exception>
    /// <exception cref="RegistrationLimitExceeded">Every slot of the activation is taken.</exception>
    public async Task<Registration> RegisterAsync(RegisterCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = _time.GetUtcNow();
        var activation = ManagedInstanceIds.IsActivationId(command.ActivationId)
            ? await _store.FindActivationForRegistrationAsync(command.Region ?? string.Empty, command.ActivationId, ct)
            : null;
        if (ActivationRules.Refusal(activation, command.ActivationCode, now) is { } refusal)
        {
            throw refusal;
        }

        var facts = Normalize(command.Facts);
        var instance = new ManagedInstance
        {
            Id = ManagedInstanceIds.NewInstanceId(_random),
            AccountId = activation!.AccountId,
            Region = activation.Region,
            ActivationId = activation.Id,
            IamRole = activation.IamRole,
            Name = activation.DefaultInstanceName,
            RegisteredAt = now,
            LastPingAt = now,
            Facts = facts,
            Tags = activation.Tags,
        };
        var accessKeyId = ManagedInstanceCredentials.NewAccessKeyId(_random);
        var secret = RandomText.Create(_random, RandomText.SecretAlphabet, 40);
        var key = new ManagedInstanceKey(accessKeyId, instance.AccountId, instance.Region, instance.Id,
            _protector.Protect(Encoding.UTF8.GetBytes(secret)), now);
        var outcome = await _store.TryRegisterAsync(instance, key, InformationItem(instance, now), now, ct);
        return outcome switch
        {
            RegistrationOutcome.Registered => new Registration(instance, accessKeyId, secret),
            RegistrationOutcome.Expired => throw new ActivationExpired($"Activation {activation.Id} has expired."),
            RegistrationOutcome.LimitReached => throw new RegistrationLimitExceeded(
                $"Activation {activation.Id} has registered as many servers as its limit ({activation.RegistrationLimit}) allows."),
            _ => throw new InvalidActivation("The activation is not valid: it may have been deleted, or the activation id and code do not match."),
        };
    }

    /// <summary>DescribeInstanceInformation. A managed node sees only itself.</summary>
    public Task<Page<ManagedInstance>> DescribeInstanceInformationAsync(InventoryCaller caller, InstanceQuery query, string? after, int? limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var now = _time.GetUtcNow();
        query = query with { OnlineSince = now - _options.OnlineWindow, ActiveSince = now - _options.InactiveAfter };
        if (caller.InstanceId is { } self)
        {
            query = query with { InstanceIds = query.InstanceIds is null ? [self] : [.. query.InstanceIds.Where(i => i == self)] };
        }

        return _store.ListInstancesAsync(caller.Scope, query, after, limit ?? DefaultPageSize, ct);
    }

    /// <summary>DeregisterManagedInstance: the node, its credentials and its inventory are gone at once.</summary>
    /// <exception cref="InvalidInstanceId">No such managed node in this account and Region.</exception>
    public async Task DeregisterAsync(InventoryCaller caller, string instanceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireAccount(caller, "DeregisterManagedInstance");
        if (!ManagedInstanceIds.IsInstanceId(instanceId) || !await _store.DeregisterAsync(caller.Scope, instanceId, ct))
        {
            throw NoSuchInstance(instanceId);
        }

        // Its license associations go and its licenses are released right away, not at the next discovery run.
        if (_observer is not null)
        {
            await _observer.DeregisteredAsync(caller.Scope, instanceId, ct);
        }
    }

    /// <summary>
    /// PutInventory. Items whose content hash is unchanged are not rewritten. AWS:InstanceInformation also updates
    /// the node's host facts; a call with the node's own credentials is its heartbeat.
    /// </summary>
    public async Task<PutInventoryOutcome> PutInventoryAsync(InventoryCaller caller, string instanceId, IReadOnlyList<InventoryItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(items);
        RequireSelfOrAccount(caller, instanceId);
        if (!ManagedInstanceIds.IsInstanceId(instanceId))
        {
            throw NoSuchInstance(instanceId);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var checkedItems = new List<InventoryItem>(items.Count);
        HostFacts? facts = null;
        foreach (var item in items)
        {
            var hash = InventoryTypes.Validate(item, _options.MaxItemCharacters);
            if (!seen.Add(item.TypeName))
            {
                throw new InvalidItemContentException($"{item.TypeName} is given more than once.");
            }

            var normalized = item with { ContentHash = hash };
            if (item.TypeName == InventoryTypes.InstanceInformation)
            {
                (normalized, facts) = NormalizeInformation(normalized, instanceId);
            }

            checkedItems.Add(normalized);
        }

        var outcome = await _store.PutInventoryAsync(
            caller.Scope, instanceId, checkedItems, facts, _time.GetUtcNow(), caller.IsManagedInstance, _options.CustomTypesPerInstance, ct);
        if (!outcome.InstanceFound)
        {
            throw NoSuchInstance(instanceId);
        }

        if (outcome.ItemsWritten > 0 && !outcome.CustomTypeLimitExceeded)
        {
            _observer?.InventoryChanged(caller.Scope, instanceId);
        }

        return outcome.CustomTypeLimitExceeded
            ? throw new CustomSchemaCountLimitExceededException($"A managed node can carry at most {_options.CustomTypesPerInstance} Custom: inventory types.")
            : outcome;
    }

    /// <summary>
    /// GetInventory: managed nodes whose inventory matches every filter, each with the items of
    /// <paramref name="resultType"/> (AWS:InstanceInformation when none is asked for); nodes without such an item are left out.
    /// </summary>
    public async Task<Page<InstanceInventory>> GetInventoryAsync(
        InventoryCaller caller, IReadOnlyList<InventoryFilter> filters, string? resultType, string? after, int? limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filters);
        RequireAccount(caller, "GetInventory");
        if (resultType is not null && !InventoryTypes.IsKnown(resultType))
        {
            throw new InvalidResultAttributeException($"The result attribute type '{resultType}' is not an inventory type Licentia knows.");
        }

        var type = resultType ?? InventoryTypes.InstanceInformation;
        var pageSize = limit ?? DefaultPageSize;
        var found = new List<InstanceInventory>();
        var cursor = after;
        var examined = 0;
        while (true)
        {
            var batch = await _store.ScanInventoryAsync(caller.Scope, cursor, Math.Max(pageSize, 50), ct);
            foreach (var scanned in batch.Items)
            {
                examined++;
                cursor = scanned.Cursor;
                var items = scanned.Inventory.Items;
                if (filters.All(f => f.Matches(items)) && items.FirstOrDefault(i => i.TypeName == type) is { } item)
                {
                    found.Add(new InstanceInventory(scanned.Inventory.Instance, [item]));
                    if (found.Count == pageSize)
                    {
                        var last = scanned == batch.Items[^1];
                        return new Page<InstanceInventory>(found, last && batch.NextCursor is null ? null : cursor);
                    }
                }
            }

            if (batch.NextCursor is null)
            {
                return new Page<InstanceInventory>(found, null);
            }

            if (examined >= ScanBudget)
            {
                return new Page<InstanceInventory>(found, cursor);
            }
        }
    }

    /// <summary>
    /// GetInventory with Aggregators: counts over every managed node of the scope that matches the filters, one
    /// result list per aggregator. The fleet is read in batches; the answer is whole (no NextToken).
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<InventoryAggregate>>> AggregateInventoryAsync(
        InventoryCaller caller, IReadOnlyList<InventoryFilter> filters, IReadOnlyList<InventoryAggregator> aggregators, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filters);
        RequireAccount(caller, "GetInventory");
        var aggregation = new InventoryAggregation(aggregators);
        string? cursor = null;
        do
        {
            var batch = await _store.ScanInventoryAsync(caller.Scope, cursor, AggregationBatch, ct);
            foreach (var scanned in batch.Items.Where(s => filters.All(f => f.Matches(s.Inventory.Items))))
            {
                aggregation.Add(scanned.Inventory.Items);
            }

            cursor = batch.NextCursor;
        }
        while (cursor is not null);

        return aggregation.Results();
    }

    /// <summary>ListInventoryEntries: the entries of one type of one node that match every filter, paged by position.</summary>
    /// <exception cref="InvalidInstanceId">No such managed node in this account and Region.</exception>
    /// <exception cref="InvalidTypeNameException">Not an inventory type Licentia knows.</exception>
    public async Task<InventoryEntries> ListInventoryEntriesAsync(
        InventoryCaller caller, string instanceId, string typeName, IReadOnlyList<InventoryFilter> filters, string? after, int? limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filters);
        RequireSelfOrAccount(caller, instanceId);
        InventoryTypes.ValidateTypeName(typeName);
        if (!ManagedInstanceIds.IsInstanceId(instanceId) || await _store.FindInstanceAsync(caller.Scope, instanceId, ct) is null)
        {
            throw NoSuchInstance(instanceId);
        }

        if (filters.FirstOrDefault(f => f.TypeName != typeName) is { } other)
        {
            throw new InvalidFilter($"The filter on {other.TypeName}.{other.Attribute} does not belong to {typeName}.");
        }

        var stored = await _store.ListItemsAsync(caller.Scope, instanceId, typeName, ct);
        var item = stored.Count > 0 ? stored[0] : null;
        var matching = (item?.Content ?? []).Where(e => filters.All(f => f.Matches(e))).ToList();
        var start = after is null ? 0 : int.Parse(after, NumberStyles.None, CultureInfo.InvariantCulture);
        var size = limit ?? DefaultPageSize;
        var page = matching.Skip(start).Take(size).ToList();
        var next = start + page.Count < matching.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return new InventoryEntries(instanceId, typeName, item, page, next);
    }

    /// <summary>The AWS:InstanceInformation item Licentia keeps for a node from what it knows (at registration).</summary>
    public static InventoryItem InformationItem(ManagedInstance instance, DateTimeOffset capturedAt)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var facts = instance.Facts;
        var entry = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AgentType"] = "licentia-agent",
            ["AgentVersion"] = facts.AgentVersion,
            ["ComputerName"] = facts.ComputerName,
            ["InstanceId"] = instance.Id,
            ["IpAddress"] = facts.IpAddress,
            ["PlatformName"] = facts.PlatformName,
            ["PlatformType"] = facts.PlatformType,
            ["PlatformVersion"] = facts.PlatformVersion,
            ["ResourceType"] = "ManagedInstance",
            ["InstanceStatus"] = "Active",
        };
        IReadOnlyList<IReadOnlyDictionary<string, string>> content = [entry];
        return new InventoryItem
        {
            TypeName = InventoryTypes.InstanceInformation,
            SchemaVersion = "1.0",
            CaptureTime = capturedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ContentHash = InventoryTypes.HashContent(content),
            Content = content,
        };
    }

    // An AWS:InstanceInformation item always describes the node it is put for, as a managed instance.
    private static (InventoryItem Item, HostFacts Facts) NormalizeInformation(InventoryItem item, string instanceId)
    {
        if (item.Content.Count != 1)
        {
            throw new InvalidItemContentException($"{InventoryTypes.InstanceInformation} must hold exactly one entry.");
        }

        var entry = new Dictionary<string, string>(item.Content[0], StringComparer.Ordinal)
        {
            ["InstanceId"] = instanceId,
            ["ResourceType"] = "ManagedInstance",
        };
        entry.TryAdd("InstanceStatus", "Active");
        string Get(string name) => entry.TryGetValue(name, out var value) ? value ?? string.Empty : string.Empty;
        var facts = Normalize(new HostFacts
        {
            AgentVersion = Get("AgentVersion"),
            ComputerName = Get("ComputerName"),
            IpAddress = Get("IpAddress"),
            PlatformName = Get("PlatformName"),
            PlatformType = Get("PlatformType"),
            PlatformVersion = Get("PlatformVersion"),
        });
        return (item with { Content = [entry] }, facts);
    }

    // Host facts are free text from the agent: bounded in length so they fit the model's shapes.
    private static HostFacts Normalize(HostFacts? facts)
    {
        facts ??= new HostFacts();
        static string Cut(string? text, int max) => text is null ? string.Empty : text.Length <= max ? text : text[..max];
        var platformType = facts.PlatformType is "Linux" or "Windows" or "MacOS" ? facts.PlatformType : string.Empty;
        return new HostFacts
        {
            AgentVersion = IsVersion(facts.AgentVersion) ? facts.AgentVersion : string.Empty,
            ComputerName = Cut(facts.ComputerName, 255),
            IpAddress = Cut(facts.IpAddress, 46),
            PlatformName = Cut(facts.PlatformName, 256),
            PlatformType = platformType,
            PlatformVersion = Cut(facts.PlatformVersion, 256),
        };
    }

    // The model's Version pattern: ^[0-9]{1,6}(\.[0-9]{1,6}){2,3}$
    private static bool IsVersion(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Split('.');
        return parts.Length is 3 or 4 && parts.All(p => p.Length is >= 1 and <= 6 && p.All(char.IsAsciiDigit));
    }

    private static void RequireAccount(InventoryCaller caller, string operation)
    {
        if (caller.IsManagedInstance)
        {
            throw new AccessDeniedException($"The credentials of managed node {caller.InstanceId} may not call {operation}.");
        }
    }

    private static void RequireSelfOrAccount(InventoryCaller caller, string instanceId)
    {
        if (caller.InstanceId is { } self && !string.Equals(self, instanceId, StringComparison.Ordinal))
        {
            throw new AccessDeniedException($"The credentials of managed node {self} may only act on {self}.");
        }
    }

    private static InvalidInstanceId NoSuchInstance(string instanceId) =>
        new($"Instance id {instanceId} is not valid, or no such managed node exists in this account and Region.");
}
