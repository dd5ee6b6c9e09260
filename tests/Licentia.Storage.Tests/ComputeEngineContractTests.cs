using Licentia.Storage.Postgres;
using Licentia.Storage.Sqlite;
using Licentia.Testing;

namespace Licentia.Storage.Tests;

/// <summary>The compute and licensing store contract on SQLite.</summary>
public sealed class SqliteComputeStoreContractTests(TempDirectory directory) : ComputeStoreContractTests, IClassFixture<TempDirectory>
{
    protected override bool SharesJobLocks => false;

    protected override Task<string> ClassDatabaseAsync() => Task.FromResult(directory.Path);

    protected override ILicentiaStorage Open(string location) => SqliteStorage.Open(location);
}

/// <summary>The compute and licensing store contract on PostgreSQL.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresComputeStoreContractTests(PostgresTestServer server) : ComputeStoreContractTests
{
    protected override bool SharesJobLocks => true;

    protected override Task<string> ClassDatabaseAsync() => server.DatabaseAsync(nameof(PostgresComputeStoreContractTests));

    protected override ILicentiaStorage Open(string location) => PostgresStorage.Open(location);
}

/// <summary>Counting under concurrency on SQLite: several storage instances over one database file.</summary>
public sealed class SqliteLicensingConcurrencyContractTests(TempDirectory directory) : LicensingConcurrencyContractTests, IClassFixture<TempDirectory>
{
    protected override Task<string> ClassDatabaseAsync() => Task.FromResult(directory.Path);

    protected override ILicentiaStorage Open(string location) => SqliteStorage.Open(location);
}

/// <summary>Counting under concurrency on PostgreSQL: several nodes over one database.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresLicensingConcurrencyContractTests(PostgresTestServer server) : LicensingConcurrencyContractTests
{
    protected override Task<string> ClassDatabaseAsync() => server.DatabaseAsync(nameof(PostgresLicensingConcurrencyContractTests));

    protected override ILicentiaStorage Open(string location) => PostgresStorage.Open(location);
}
