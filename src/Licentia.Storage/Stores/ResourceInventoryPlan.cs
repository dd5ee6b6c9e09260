using System.Globalization;
using System.Text;
using Licentia.Core;
using Licentia.Core.Inventory.Resources;
using Licentia.Storage.Db;

namespace Licentia.Storage.Stores;

/// <summary>
/// How one table's part of a ListResourceInventory page is read, so that a page costs about the same at a million
/// resources as at a hundred:
/// <list type="bullet">
/// <item>resource_id EQUALS: the table's unique key finds the one row.</item>
/// <item>Otherwise, a "driver": the positive filter (EQUALS, or BEGINS_WITH as a range) with the fewest index
/// entries, counted up to a small cap. An EQUALS driver's entries come out of the index in seq order, so the page
/// walks them and stops at the page size; a BEGINS_WITH range comes out in value order and must be sorted, so it
/// drives only when it holds fewer entries than the cap.</item>
/// <item>No driver (only NOT_EQUALS, CONTAINS or broad prefixes): the table in seq order.</item>
/// </list>
/// The other filters are EXISTS / NOT EXISTS probes per candidate. Where the candidates may exceed the scan limit,
/// the walk stops at the seq of the scan-limit-th candidate (<see cref="Bound"/>): the page may then end short with a
/// cursor there, as before, but a selective filter now walks only its own matches instead of the whole table.
/// </summary>
internal sealed class ResourceInventoryPlan
{
    private const string Attributes = "resource_inventory_attributes";

    // Counting a filter's entries only has to tell a small set from a large one, so it stops early: below this, a
    // prefix range is cheap to sort and an exact value needs no bound; at or above it, the driver's walk is bounded.
    private const int CountCap = 1000;

    private static readonly ResourceInventoryPlan Nothing = new(null, [], null, empty: true);

    private readonly ResourceInventoryFilter? _driver;
    private readonly IReadOnlyList<ResourceInventoryFilter> _others;
    private readonly bool _empty;

    private ResourceInventoryPlan(ResourceInventoryFilter? driver, IReadOnlyList<ResourceInventoryFilter> others, long? bound, bool empty)
    {
        _driver = driver;
        _others = others;
        Bound = bound;
        _empty = empty;
    }

    /// <summary>The last seq this plan examines, when it stops before the table's end; null when it reads to the end.</summary>
    public long? Bound { get; }

    public static async Task<ResourceInventoryPlan> ChooseAsync(
        Session session, Scope scope, ResourceSource source, IReadOnlyList<ResourceInventoryFilter> filters, long after, int scanLimit, CancellationToken ct)
    {
        if (filters.Any(f => f is { Attribute: InventoryFilterField.ResourceId, Condition: InventoryCondition.EqualsValue }))
        {
            return new ResourceInventoryPlan(null, filters, null, empty: false);
        }

        ResourceInventoryFilter? best = null;
        var bestCount = long.MaxValue;
        foreach (var filter in filters.Where(InventoryIndex.CanDrive))
        {
            var count = await CountCandidatesAsync(session, scope, source.Kind, filter, after, Math.Min(CountCap, scanLimit), ct);
            if (count == 0)
            {
                return Nothing;
            }

            var exact = filter.Condition == InventoryCondition.EqualsValue;
            if ((!exact && count >= Math.Min(CountCap, scanLimit)) || count > bestCount || (count == bestCount && !exact))
            {
                continue;
            }

            (best, bestCount) = (filter, count);
        }

        if (best is not null)
        {
            var others = filters.Where(f => !ReferenceEquals(f, best)).ToList();
            var bound = best.Condition == InventoryCondition.EqualsValue && bestCount >= Math.Min(CountCap, scanLimit)
                ? await BoundAsync(session, scope, source.Kind, DriverSql(best, string.Empty) + " AND seq > @after", Attributes, best, after, scanLimit, ct)
                : null;
            return new ResourceInventoryPlan(best, others, bound, empty: false);
        }

        var scanBound = await BoundAsync(session, scope, source.Kind, "seq > @after", source.Table, null, after, scanLimit, ct);
        return new ResourceInventoryPlan(null, filters, scanBound, empty: false);
    }

    /// <summary>Up to <paramref name="take"/> matching resources after <paramref name="after"/> (and up to <see cref="Bound"/>), in seq order.</summary>
    public async Task<List<(long Seq, InventoryResource Resource)>> ReadAsync(
        Session session, Scope scope, ResourceSource source, long after, int take, CancellationToken ct)
    {
        var found = new List<(long, InventoryResource)>();
        if (_empty || take <= 0)
        {
            return found;
        }

        var sql = new StringBuilder("SELECT ").Append(source.Columns).Append(" FROM ");
        var order = "r.seq";
        if (_driver is { Condition: InventoryCondition.EqualsValue })
        {
            // The driver's index entries are the outer loop (CROSS JOIN keeps that order on SQLite), already in seq order.
            sql.Append(Attributes).Append(" d CROSS JOIN ").Append(source.Table).Append(" r WHERE d.account_id = @accountId AND d.region = @region ")
                .Append("AND d.kind = @kind AND ").Append(DriverSql(_driver, "d."))
                .Append(" AND d.seq > @after").Append(Bound is null ? string.Empty : " AND d.seq <= @bound").Append(" AND r.seq = d.seq");
            order = "d.seq";
        }
        else if (_driver is not null)
        {
            // A small prefix range: its resources, once each, sorted by seq. (+seq: the range on (name, value) must lead
            // the search, not a walk of every entry in seq order.)
            sql.Append("(SELECT DISTINCT seq FROM ").Append(Attributes).Append(" WHERE account_id = @accountId AND region = @region AND kind = @kind AND ")
                .Append(DriverSql(_driver, string.Empty)).Append(" AND +seq > @after) d CROSS JOIN ").Append(source.Table).Append(" r WHERE r.seq = d.seq");
            order = "d.seq";
        }
        else
        {
            sql.Append(source.Table).Append(" r WHERE r.seq > @after").Append(Bound is null ? string.Empty : " AND r.seq <= @bound");
        }

        sql.Append(" AND r.account_id = @accountId AND r.region = @region").Append(source.LiveCondition);
        var parameters = new List<(string, object?)>
        {
            ("accountId", scope.AccountId), ("region", scope.Region), ("kind", source.Kind), ("after", after), ("take", (long)take), ("bound", Bound),
        };
        if (_driver is not null)
        {
            parameters.AddRange(ValueParameters(_driver, "d"));
        }

        for (var i = 0; i < _others.Count; i++)
        {
            var p = "f" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(" AND ").Append(FilterSql(_others[i], p));
            parameters.AddRange(ValueParameters(_others[i], p));
        }

        sql.Append(" ORDER BY ").Append(order).Append(" LIMIT @take");
        await using var select = Prepare(session, sql.ToString(), parameters);
        await using var reader = await select.ReadAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add((reader.GetInt64(0), source.Read(scope, reader)));
        }

        return found;
    }

    private static async Task<long> CountCandidatesAsync(
        Session session, Scope scope, string kind, ResourceInventoryFilter filter, long after, int cap, CancellationToken ct)
    {
        // An EQUALS count starts at the cursor (its entries are in seq order); a prefix range counts all its entries,
        // which is what decides whether sorting them is cheap.
        var afterCursor = filter.Condition == InventoryCondition.EqualsValue ? " AND seq > @after" : string.Empty;
        await using var count = Prepare(
            session,
            $"SELECT COUNT(*) FROM (SELECT 1 FROM {Attributes} WHERE account_id = @accountId AND region = @region AND kind = @kind AND " +
            $"{DriverSql(filter, string.Empty)}{afterCursor} LIMIT @cap) c",
            [("accountId", scope.AccountId), ("region", scope.Region), ("kind", kind), ("after", after), ("cap", (long)cap), .. ValueParameters(filter, "d")]);
        return await count.CountAsync(ct);
    }

    // The seq of the scan-limit-th candidate after the cursor: a walk of at most that many index entries.
    private static async Task<long?> BoundAsync(
        Session session, Scope scope, string kind, string condition, string table, ResourceInventoryFilter? driver, long after, int scanLimit, CancellationToken ct)
    {
        var kindCondition = table == Attributes ? " AND kind = @kind" : string.Empty;
        await using var select = Prepare(
            session,
            $"SELECT seq FROM {table} WHERE account_id = @accountId AND region = @region{kindCondition} AND {condition} ORDER BY seq LIMIT 1 OFFSET @skip",
            [("accountId", scope.AccountId), ("region", scope.Region), ("kind", kind), ("after", after), ("skip", (long)scanLimit - 1),
                .. driver is null ? [] : ValueParameters(driver, "d")]);
        await using var reader = await select.ReadAsync(ct);
        return await reader.ReadAsync(ct) ? reader.GetInt64(0) : null;
    }

    // The driver's condition on its own index entries: name and value (a prefix as a code point range).
    private static string DriverSql(ResourceInventoryFilter driver, string alias) =>
        $"{alias}name = @dn AND " + ValueSql(driver, driver.Condition, alias + "value", "d", ordered: true);

    private static string FilterSql(ResourceInventoryFilter filter, string p)
    {
        if (InventoryIndex.NameOf(filter) is null)
        {
            var column = filter.Attribute == InventoryFilterField.ResourceId ? "r.id" : "r.account_id";
            return ValueSql(filter, filter.Condition, column, p, ordered: false);
        }

        // Any value of the attribute passes a positive condition; NOT_EQUALS holds when no value equals.
        var positive = filter.Condition == InventoryCondition.NotEquals ? InventoryCondition.EqualsValue : filter.Condition;
        var exists = $"EXISTS (SELECT 1 FROM {Attributes} x WHERE x.account_id = @accountId AND x.region = @region AND x.kind = @kind " +
            $"AND x.seq = r.seq AND x.name = @{p}n AND {ValueSql(filter, positive, "x.value", p, ordered: true)})";
        return filter.Condition == InventoryCondition.NotEquals ? "NOT " + exists : exists;
    }

    // ordered: the column compares by code point (the attribute table), so a prefix is an index range; resource
    // columns may carry a linguistic collation on PostgreSQL, so a prefix there is compared as a substring.
    private static string ValueSql(ResourceInventoryFilter filter, InventoryCondition condition, string column, string p, bool ordered) => condition switch
    {
        InventoryCondition.EqualsValue => $"{column} = @{p}v",
        InventoryCondition.NotEquals => $"{column} <> @{p}v",
        InventoryCondition.BeginsWith when !ordered => $"substr({column}, 1, length(@{p}v)) = @{p}v",
        InventoryCondition.BeginsWith when InventoryIndex.PrefixUpperBound(filter.Value) is null => $"{column} >= @{p}v",
        InventoryCondition.BeginsWith => $"{column} >= @{p}v AND {column} < @{p}u",
        _ when filter.Value.Length == 0 => "1 = 1",
        _ => $"replace({column}, @{p}v, '') <> {column}",
    };

    private static IEnumerable<(string, object?)> ValueParameters(ResourceInventoryFilter filter, string p) =>
    [
        (p + "v", filter.Value),
        (p + "n", InventoryIndex.NameOf(filter)),
        (p + "u", filter.Condition == InventoryCondition.BeginsWith ? InventoryIndex.PrefixUpperBound(filter.Value) : null),
    ];

    // Binds the parameters the text uses and no others: PostgreSQL cannot type a parameter that appears nowhere.
    private static Statement Prepare(Session session, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var statement = session.Prepare(sql);
        foreach (var (name, value) in parameters)
        {
            if (Uses(sql, name))
            {
                statement.Bind(name, value);
            }
        }

        return statement;
    }

    // Whether "@name" occurs as a whole parameter name (not as the start of a longer one, @f1v in @f10v).
    private static bool Uses(string sql, string name)
    {
        var token = "@" + name;
        for (var at = sql.IndexOf(token, StringComparison.Ordinal); at >= 0; at = sql.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var end = at + token.Length;
            if (end == sql.Length || !(char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                return true;
            }
        }

        return false;
    }
}
