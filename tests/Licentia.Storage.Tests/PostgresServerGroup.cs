using Licentia.Testing;

namespace Licentia.Storage.Tests;

/// <summary>Every PostgreSQL test class joins this collection, so one cluster serves the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresTestServer>
{
    public const string Name = "PostgreSQL";
}
