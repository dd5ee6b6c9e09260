using Licentia.Storage.Db;

namespace Licentia.Storage.Migrations;

/// <summary>
/// Applies pending migrations in order, each in its own transaction together with its row in
/// schema_migrations, so a crash leaves the schema at a recorded version and a re-run resumes there.
/// </summary>
internal sealed class MigrationRunner(Database db, IReadOnlyList<MigrationScript> scripts, TimeProvider? time = null)
{
    public async Task RunAsync(CancellationToken ct)
    {
        // The lock lives on its own connection for the whole run; the migrations use others.
        await using var lockConnection = await db.OpenConnectionAsync(ct);
        await using var migrationLock = await db.Dialect.LockMigrationsAsync(lockConnection, ct);

        await using (var session = await db.WriteAsync(ct))
        {
            await using var create = session.Prepare(db.Dialect.CreateSchemaMigrationsTableSql);
            await create.ExecuteAsync(ct);
            await session.CommitAsync(ct);
        }

        foreach (var script in scripts)
        {
            await ApplyAsync(script, ct);
        }
    }

    private async Task ApplyAsync(MigrationScript script, CancellationToken ct)
    {
        await using var session = await db.WriteAsync(ct);

        // Checked inside the write transaction: a concurrent runner that got there first is seen here.
        await using (var applied = session.Prepare("SELECT 1 FROM schema_migrations WHERE version = @version"))
        {
            if (await applied.Bind("version", script.Version).ExistsAsync(ct))
            {
                return;
            }
        }

        // A migration that rewrites or backfills a large table may take minutes; a timeout would stop start-up half-way.
        await using (var migrate = session.Prepare(script.Sql).WithoutTimeout())
        {
            await migrate.ExecuteAsync(ct);
        }

        await using (var record = session.Prepare(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)"))
        {
            await record
                .Bind("version", script.Version)
                .Bind("name", script.Name)
                .Bind("appliedAt", (time ?? TimeProvider.System).GetUtcNow())
                .ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
    }
}
