using System.Globalization;

namespace Licentia.Core.Inventory;

/// <summary>One result of an aggregator: what GetInventory reports under <see cref="Key"/> in an entity's Data.</summary>
public sealed record InventoryAggregate(string Key, string TypeName, string SchemaVersion, IReadOnlyList<IReadOnlyDictionary<string, string>> Content);

/// <summary>
/// Counts managed nodes for GetInventory's aggregators, one node at a time, so a fleet is read in batches and never
/// held whole. Expression aggregators count, per combination of attribute values, the nodes that have it: a node
/// counts once per combination however many entries carry it. Steps on the same type take their values from one and
/// the same entry (an application's Name with its own Version); steps on different types combine every value of one
/// with every value of the other. Group aggregators count the nodes in each group and those outside it.
/// </summary>
public sealed class InventoryAggregation
{
    public const string CountAttribute = "Count";
    public const string MatchingCount = "matchingCount";
    public const string NotMatchingCount = "notMatchingCount";

    private readonly IReadOnlyList<InventoryAggregator> _aggregators;

    // Per aggregator: for expressions, node count per value combination (each path keeps its own table);
    // for groups, the matching count per group. Combinations are keyed by their values joined with a separator
    // no inventory value contains.
    private readonly List<Dictionary<string, (IReadOnlyDictionary<string, string> Values, long Count)>[]> _combinations = [];
    private readonly List<long[]> _groupMatches = [];
    private long _nodes;

    public InventoryAggregation(IReadOnlyList<InventoryAggregator> aggregators)
    {
        ArgumentNullException.ThrowIfNull(aggregators);
        _aggregators = aggregators;
        foreach (var aggregator in aggregators)
        {
            _combinations.Add(aggregator is ExpressionAggregator e
                ? [.. e.Paths.Select(_ => new Dictionary<string, (IReadOnlyDictionary<string, string>, long)>(StringComparer.Ordinal))]
                : []);
            _groupMatches.Add(aggregator is GroupAggregator g ? new long[g.Groups.Count] : []);
        }
    }

    /// <summary>Counts one node (that passed the request's filters) with all its items.</summary>
    public void Add(IReadOnlyList<InventoryItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _nodes++;
        for (var i = 0; i < _aggregators.Count; i++)
        {
            switch (_aggregators[i])
            {
                case ExpressionAggregator expression:
                    for (var p = 0; p < expression.Paths.Count; p++)
                    {
                        foreach (var combination in Combinations(expression.Paths[p], items))
                        {
                            var key = string.Join('\u001f', combination.Values);
                            var table = _combinations[i][p];
                            table[key] = table.TryGetValue(key, out var seen) ? (seen.Values, seen.Count + 1) : (combination, 1);
                        }
                    }

                    break;
                case GroupAggregator groups:
                    for (var g = 0; g < groups.Groups.Count; g++)
                    {
                        if (groups.Groups[g].Contains(items))
                        {
                            _groupMatches[i][g]++;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The results, one list per aggregator in request order: the content of one entity each.</summary>
    public IReadOnlyList<IReadOnlyList<InventoryAggregate>> Results()
    {
        var results = new List<IReadOnlyList<InventoryAggregate>>();
        for (var i = 0; i < _aggregators.Count; i++)
        {
            if (_aggregators[i] is ExpressionAggregator expression)
            {
                var content = _combinations[i]
                    .SelectMany(table => table.Values)
                    .OrderByDescending(c => c.Count)
                    .ThenBy(c => string.Join('\u001f', c.Values.Values), StringComparer.Ordinal)
                    .Select(c => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(c.Values, StringComparer.Ordinal)
                    {
                        [CountAttribute] = Text(c.Count),
                    })
                    .ToList();
                results.Add([new InventoryAggregate(expression.TypeName, expression.TypeName, InventoryTypes.LatestSchemaVersion(expression.TypeName), content)]);
            }
            else if (_aggregators[i] is GroupAggregator groups)
            {
                results.Add([.. groups.Groups.Select((group, g) => new InventoryAggregate(group.Name, group.Name, "1.0",
                [
                    new Dictionary<string, string> { [NotMatchingCount] = Text(_nodes - _groupMatches[i][g]) },
                    new Dictionary<string, string> { [MatchingCount] = Text(_groupMatches[i][g]) },
                ]))]);
            }
        }

        return results;
    }

    // The distinct value combinations one node has along a path: runs of steps on the same type read one entry at a
    // time; runs on different types multiply.
    private static List<Dictionary<string, string>> Combinations(IReadOnlyList<AggregationStep> path, IReadOnlyList<InventoryItem> items)
    {
        IEnumerable<Dictionary<string, string>> partial = [new Dictionary<string, string>(StringComparer.Ordinal)];
        var start = 0;
        while (start < path.Count)
        {
            var typeName = path[start].TypeName;
            var end = start;
            while (end < path.Count && path[end].TypeName == typeName)
            {
                end++;
            }

            var attributes = path.Skip(start).Take(end - start).Select(s => s.Attribute).ToList();
            var item = items.FirstOrDefault(i => string.Equals(i.TypeName, typeName, StringComparison.Ordinal));
            var tuples = (item?.Content ?? [])
                .Where(entry => attributes.All(a => entry.TryGetValue(a, out var v) && v is not null))
                .Select(entry => attributes.Select(a => entry[a]).ToList())
                .DistinctBy(values => string.Join('\u001f', values), StringComparer.Ordinal)
                .ToList();
            if (tuples.Count == 0)
            {
                return [];
            }

            var current = partial.ToList();
            partial = current.SelectMany(p => tuples.Select(values =>
            {
                var next = new Dictionary<string, string>(p, StringComparer.Ordinal);
                for (var a = 0; a < attributes.Count; a++)
                {
                    next[attributes[a]] = values[a];
                }

                return next;
            }));
            start = end;
        }

        return partial.DistinctBy(c => string.Join('\u001f', c.Values), StringComparer.Ordinal).ToList();
    }

    private static string Text(long count) => count.ToString(CultureInfo.InvariantCulture);
}
