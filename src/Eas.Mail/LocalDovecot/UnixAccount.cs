using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Eas.Mail.LocalDovecot;

/// <summary>
/// The few POSIX facts and calls a private Dovecot needs that .NET does not offer: who we run as, the ids of
/// a named account (from <c>/etc/passwd</c> and <c>/etc/group</c>), <c>chown</c> and <c>kill</c>.
/// </summary>
internal static partial class UnixAccount
{
    public const int SigTerm = 15;

    public static bool IsRoot => NativeMethods.geteuid() == 0;

    public static (uint Uid, uint Gid) Current => (NativeMethods.geteuid(), NativeMethods.getegid());

    /// <summary>The uid and primary gid of an account, or null if <c>/etc/passwd</c> does not list it.</summary>
    public static (uint Uid, uint Gid)? FindUser(string name)
    {
        foreach (var fields in Entries("/etc/passwd"))
        {
            if (fields.Length > 3 && fields[0] == name)
                return (uint.Parse(fields[2], CultureInfo.InvariantCulture), uint.Parse(fields[3], CultureInfo.InvariantCulture));
        }

        return null;
    }

    /// <summary>The name of a group id, or null if <c>/etc/group</c> does not list it.</summary>
    public static string? FindGroupName(uint gid)
    {
        var id = gid.ToString(CultureInfo.InvariantCulture);
        return Entries("/etc/group").FirstOrDefault(fields => fields.Length > 2 && fields[2] == id)?[0];
    }

    public static void ChangeOwner(string path, uint uid, uint gid)
    {
        if (NativeMethods.chown(Encoding.UTF8.GetBytes(path + "\0"), uid, gid) != 0)
            throw new IOException($"chown {uid}:{gid} {path} failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    public static void Signal(int processId, int signal)
    {
        if (NativeMethods.kill(processId, signal) != 0)
            throw new IOException($"kill -{signal} {processId} failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    private static IEnumerable<string[]> Entries(string path) =>
        File.Exists(path) ? File.ReadLines(path).Select(line => line.Split(':')) : [];

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        public static extern uint geteuid();

        [DllImport("libc", SetLastError = true)]
        public static extern uint getegid();

        [DllImport("libc", SetLastError = true)]
        public static extern int chown(byte[] path, uint owner, uint group);

        [DllImport("libc", SetLastError = true)]
        public static extern int kill(int pid, int sig);
    }
}
