using System.Data.Common;

namespace Licentia.Storage.Db;

/// <summary>A command with parameter binding that applies the dialect's conversions.</summary>
internal sealed class Statement(DbCommand command, SqlDialect dialect) : IAsyncDisposable
{
    public Statement Bind(string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset instant => dialect.ToDbTimestamp(StoredTime.Normalize(instant)),
            _ => value,
        };
        command.Parameters.Add(parameter);
        return this;
    }

    public Statement BindJson(string name, string json)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = json;
        dialect.MarkJson(parameter);
        command.Parameters.Add(parameter);
        return this;
    }

    /// <summary>Lets the command run as long as it takes (the providers' default gives up after 30 s).</summary>
    public Statement WithoutTimeout()
    {
        command.CommandTimeout = 0;
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken ct) => command.ExecuteNonQueryAsync(ct);

    public async Task<long> CountAsync(CancellationToken ct) => Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<bool> ExistsAsync(CancellationToken ct) => await command.ExecuteScalarAsync(ct) is not null and not DBNull;

    public Task<DbDataReader> ReadAsync(CancellationToken ct) => command.ExecuteReaderAsync(ct);

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
