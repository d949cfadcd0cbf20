using Microsoft.Data.Sqlite;

namespace Eas.Actors.Persistence;

/// <summary>Which failures mean "the store cannot be used right now" rather than a bug in our SQL.</summary>
internal static class SqliteFailures
{
    // SQLite primary result codes: https://www.sqlite.org/rescode.html
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int NoMem = 7;
    private const int ReadOnly = 8;
    private const int Interrupt = 9;
    private const int IoErr = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int Protocol = 15;
    private const int NotADb = 26;

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is Perm or Busy or Locked or NoMem or ReadOnly or Interrupt
            or IoErr or Corrupt or Full or CantOpen or Protocol or NotADb,
        IOException or UnauthorizedAccessException => true,
        _ => false,
    };
}
