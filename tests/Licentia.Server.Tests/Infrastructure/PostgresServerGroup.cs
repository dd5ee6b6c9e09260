using Licentia.Testing;

namespace Licentia.Server.Tests.Infrastructure;

/// <summary>Server tests on PostgreSQL join this collection: one private cluster serves the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresTestServer>
{
    public const string Name = "PostgreSQL";
}
