using System.Data.Common;
using System.Globalization;
using System.Text;
using Licentia.Core.Paging;
using Licentia.Storage.Db;

namespace Licentia.Storage.Stores;

/// <summary>
/// Builds "SELECT … WHERE scope AND filters AND seq > @after ORDER BY seq" with numbered parameters, the
/// way every listing here is written: a null filter does not filter, an empty one matches nothing.
/// </summary>
internal sealed class QueryBuilder(string select)
{
    private readonly StringBuilder _sql = new(select);
    private readonly List<(string Name, object? Value)> _values = [];
    private int _next;

    public QueryBuilder And(string clause, params (string Name, object? Value)[] values)
    {
        _sql.Append(" AND ").Append(clause);
        _values.AddRange(values);
        return this;
    }

    public QueryBuilder In<T>(string column, IReadOnlyList<T>? filter, Func<T, object>? convert = null)
    {
        if (filter is null)
        {
            return this;
        }

        var distinct = filter.Select(v => convert is null ? v! : convert(v)).Distinct().ToList();
        if (distinct.Count == 0)
        {
            _sql.Append(" AND 1 = 0");
            return this;
        }

        _sql.Append(" AND ").Append(column).Append(" IN (");
        for (var i = 0; i < distinct.Count; i++)
        {
            var name = "p" + (_next++).ToString(CultureInfo.InvariantCulture);
            _sql.Append(i == 0 ? "@" : ", @").Append(name);
            _values.Add((name, distinct[i]));
        }

        _sql.Append(')');
        return this;
    }

    /// <summary>Appends the paging tail; without a post-filter one row more than the page tells whether another exists.</summary>
    public Statement Page(Session session, string? after, int limit, bool postFiltered)
    {
        _sql.Append(" AND seq > @after ORDER BY seq");
        _values.Add(("after", LicenseConfigurationCursor.Decode(after)));
        if (!postFiltered)
        {
            _sql.Append(" LIMIT @take");
            _values.Add(("take", (long)limit + 1));
        }

        return Prepare(session);
    }

    public Statement Prepare(Session session)
    {
        var statement = session.Prepare(_sql.ToString());
        foreach (var (name, value) in _values)
        {
            statement.Bind(name, value);
        }

        return statement;
    }

    /// <summary>Reads a page from a statement whose first column is seq; <paramref name="keep"/> filters rows the SQL could not.</summary>
    public static async Task<Page<T>> ReadPageAsync<T>(
        Statement statement, int limit, Func<DbDataReader, T> read, Func<T, bool>? keep, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var reader = await statement.ReadAsync(ct);
        var items = new List<T>();
        long lastSeq = 0;
        var more = false;
        while (await reader.ReadAsync(ct))
        {
            var item = read(reader);
            if (keep is not null && !keep(item))
            {
                continue;
            }

            if (items.Count == limit)
            {
                more = true;
                break;
            }

            lastSeq = reader.GetInt64(0);
            items.Add(item);
        }

        return new Page<T>(items, more ? LicenseConfigurationCursor.Encode(lastSeq) : null);
    }
}
