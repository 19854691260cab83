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

/// A database error as an operator can act on it: the server's own message and SQLSTATE for
/// PostgreSQL (whose errors describe themselves only generically, so as not to leak data to users),
/// the reason for SQLite; nil for errors that are not the database's.
public func databaseErrorDescription(_ error: any Error) -> String? {
    if let error = error as? PSQLError {
        if let info = error.serverInfo, let message = info[.message] {
            var text = "PostgreSQL: \(message) (SQLSTATE \(info[.sqlState] ?? "?"))"
            if let detail = info[.detail] { text += ". \(detail)" }
            if let hint = info[.hint] { text += " Hint: \(hint)" }
            return text
        }
        var text = "PostgreSQL: \(error.code)"
        if let underlying = error.underlying { text += ": \(underlying)" }
        return text
    }
    if let error = error as? SQLiteError {
        return "SQLite: \(error.message) (\(error.reason))"
    }
    return nil
}
