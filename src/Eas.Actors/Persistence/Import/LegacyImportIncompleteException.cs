namespace Eas.Actors.Persistence.Import;

/// <summary>
/// The import at start could not write every stream (the journal failed part-way): the server must not start on a
/// half-imported state. The marker stays, so the next start finishes the import.
/// </summary>
public sealed class LegacyImportIncompleteException : InvalidOperationException
{
    public LegacyImportIncompleteException()
    {
    }

    public LegacyImportIncompleteException(string message)
        : base(message)
    {
    }

    public LegacyImportIncompleteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
