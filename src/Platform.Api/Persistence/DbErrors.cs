using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Platform.Api.Persistence;

public static class DbErrors
{
    const int SqliteConstraintUnique = 2067;
    const int SqliteConstraintPrimaryKey = 1555;

    // Primary result codes of a database that cannot take the work now, as opposed to a statement that is wrong:
    // BUSY, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, PROTOCOL, NOTADB.
    static readonly int[] SqliteUnavailable = [5, 8, 10, 11, 13, 14, 15, 26];

    // Connection-level failures: timeout, network, cannot open the database, Azure SQL throttling and failover.
    static readonly int[] SqlServerUnavailable = [-2, 20, 53, 64, 233, 4060, 10053, 10054, 10060, 10928, 10929, 40197, 40501, 40613, 49918, 49919, 49920];

    public static bool IsUniqueViolation(Exception e) => e switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException s => s.Number is 2601 or 2627,
        _ => false,
    };

    /// <summary>The database, not the request, is at fault: the answer is 503 and the request may be retried.</summary>
    public static bool IsUnavailable(Exception e) => e switch
    {
        DatabaseUnavailableException => true,
        SqliteException s => SqliteUnavailable.Contains(s.SqliteErrorCode & 0xFF),
        SqlException s => SqlServerUnavailable.Contains(s.Number),
        _ => false,
    };
}
