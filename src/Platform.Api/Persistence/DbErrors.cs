using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Platform.Api.Persistence;

public static class DbErrors
{
    const int SqliteConstraintUnique = 2067;
    const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsUniqueViolation(Exception e) => e switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException s => s.Number is 2601 or 2627,
        _ => false,
    };
}
