using Microsoft.Data.Sqlite;
using Platform.Api.Persistence;

namespace Platform.Api.Tests.Persistence;

public sealed class ListByIdsTests
{
    // SQL Server's limit of parameters per statement, set on SQLite so the test sees what SQL Server would refuse.
    const int SqlServerParameterLimit = 2100;

    [Fact]
    public async Task More_ids_than_one_statement_takes_are_read_chunk_by_chunk()
    {
        var ct = TestContext.Current.CancellationToken;
        DapperTypeHandlers.Register();
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        SQLitePCL.raw.sqlite3_limit(connection.Handle, SQLitePCL.raw.SQLITE_LIMIT_VARIABLE_NUMBER, SqlServerParameterLimit);
        var ids = Enumerable.Range(0, 2 * SqlServerParameterLimit).Select(_ => Guid.NewGuid()).ToList();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE items (id TEXT NOT NULL PRIMARY KEY)";
            await create.ExecuteNonQueryAsync(ct);
        }

        await using (var transaction = connection.BeginTransaction())
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO items (id) VALUES ($id)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            // Bound as a Guid, as the API binds ids, so the stored text is the one a query binds.
            foreach (var item in ids)
            {
                id.Value = item;
                await insert.ExecuteNonQueryAsync(ct);
            }

            transaction.Commit();
        }

        var session = new DbSession(connection, transaction: null, new SqliteDialect(), binding: null);
        const string ItemsSql = "SELECT id FROM items WHERE id IN @Ids";

        await Assert.ThrowsAsync<SqliteException>(() => session.ListAsync<Guid>(ItemsSql, new { Ids = ids }, ct));
        var rows = await session.ListByIdsAsync<Guid>(ItemsSql, ids.Concat(ids.Take(10)), ct);

        Assert.Equal(ids.Order(), rows.Order());
    }
}
