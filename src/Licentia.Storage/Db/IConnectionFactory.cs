using System.Data.Common;

namespace Licentia.Storage.Db;

/// <summary>Opens connections with the engine's per-connection settings already applied.</summary>
internal interface IConnectionFactory : IAsyncDisposable
{
    ValueTask<DbConnection> OpenAsync(CancellationToken ct);
}
