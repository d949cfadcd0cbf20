namespace Eas.Actors.Persistence;

/// <summary>
/// A scratch file that deletes itself when closed, for message bytes that must not be held in memory (an
/// attachment on its way to the phone, an original being replied to, a message on its way to SMTP or Sent).
/// </summary>
public static class TemporaryFile
{
    public static FileStream Create() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
