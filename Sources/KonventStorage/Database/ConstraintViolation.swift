import PostgresNIO
import SQLiteNIO

/// Whether a database error is a UNIQUE constraint violation, on either database.
func isUniqueViolation(_ error: any Error) -> Bool {
    if let error = error as? SQLiteError {
        return error.reason == .constraintUniqueFailed || error.reason == .constraintPrimaryKeyFailed
            || (error.reason == .constraint && error.message.contains("UNIQUE"))
    }
    if let error = error as? PSQLError {
        return error.serverInfo?[.sqlState] == "23505"
    }
    return false
}
