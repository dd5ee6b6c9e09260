using Licentia.Storage.Postgres;
using Licentia.Testing;

namespace Licentia.Storage.Tests;

/// <summary>The contract on PostgreSQL: a fresh database per test class on the run's shared server.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresStorageContractTests(PostgresTestServer server) : StorageContractTests
{
    protected override Task<string> ClassDatabaseAsync() => server.DatabaseAsync(nameof(PostgresStorageContractTests));

    protected override Task<string> EmptyDatabaseAsync() => server.CreateDatabaseAsync("empty");

    protected override ILicentiaStorage Open(string location) => PostgresStorage.Open(location);
}
