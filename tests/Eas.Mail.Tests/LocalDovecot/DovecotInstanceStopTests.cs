using System.Diagnostics;
using System.Globalization;
using Eas.Mail.LocalDovecot;

namespace Eas.Mail.Tests.LocalDovecot;

public sealed class DovecotInstanceStopTests
{
    [Fact]
    public async Task A_hung_dovecot_is_killed_with_its_children()
    {
        var directory = Directory.CreateTempSubdirectory("eas-dovecot-").FullName;
        try
        {
            var options = new DovecotOptions { DataDirectory = directory, StopTimeout = TimeSpan.FromMilliseconds(500) };
            var dovecot = await DovecotInstance.StartAsync(options);
            var master = int.Parse(File.ReadAllText(Path.Combine(directory, "run", "master.pid")).Trim(), CultureInfo.InvariantCulture);
            var children = ChildrenOf(master);
            children.ShouldNotBeEmpty();
            await RunAsync("kill", "-STOP", master.ToString(CultureInfo.InvariantCulture));

            // A stopped master never exits by itself: without the kill after StopTimeout this would wait forever,
            // so a generous bound tells the two apart without timing the machine.
            await dovecot.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

            IsAlive(master).ShouldBeFalse();
            children.ShouldAllBe(child => !IsAlive(child));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<int> ChildrenOf(int parent) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == parent)];

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(program, arguments);
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0);
    }
}
