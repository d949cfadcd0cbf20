using System.Net;
using System.Net.Sockets;
using Spectre.Console;

namespace Eas.Load.Bench;

/// <summary>What the one-command benches share: their temporary directory, the server build they run, a free loopback port.</summary>
internal static class BenchSupport
{
    /// <summary>A new directory <c>/tmp/PREFIX-XXXXXXXX</c> that Dovecot's mail processes (another account when we are root) can pass through.</summary>
    public static string CreateWorkDirectory(string prefix)
    {
        var directory = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return directory;
    }

    /// <summary>Removes the directory unless asked to keep it, and says which.</summary>
    public static void RemoveWorkDirectory(string directory, bool keep, string contents)
    {
        if (keep)
        {
            AnsiConsole.WriteLine($"Kept {directory} ({contents}).");
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AnsiConsole.WriteLine($"Could not remove {directory}: {e.Message}");
        }
    }

    /// <summary>The server's dll: the given one, else the Release build in the repository; null (with a message written) when it is missing.</summary>
    public static string? LocateServer(string? serverDll)
    {
        var dll = serverDll ?? (RepositoryPaths.FindRoot() is { } root ? Path.Combine(root, RepositoryPaths.ServerDll) : null);
        if (dll is not null && File.Exists(dll)) return Path.GetFullPath(dll);
        AnsiConsole.MarkupLineInterpolated(
            $"[red]The Release build of the server is missing[/] ({dll ?? RepositoryPaths.ServerDll}). Run `{RepositoryPaths.BuildHint}` in the repository first, or give --server-dll.");
        return null;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
