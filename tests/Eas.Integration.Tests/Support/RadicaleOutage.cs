using Eas.Mail.LocalRadicale;

namespace Eas.Integration.Tests.Support;

/// <summary>A DAV store outage for a test: Radicale stopped, the work done while it is down, Radicale started again on the same port and data.</summary>
internal static class RadicaleOutage
{
    /// <summary>
    /// Runs <paramref name="whileDown"/> with <paramref name="radicale"/> stopped, then hands the restarted instance to
    /// <paramref name="restarted"/>, also when the work failed, so the test's cleanup stops the right process.
    /// </summary>
    public static async Task WhileDownAsync(RadicaleInstance radicale, Action<RadicaleInstance> restarted, Func<Task> whileDown)
    {
        var port = radicale.Port;
        var data = radicale.DataDirectory;
        await radicale.DisposeAsync();
        try
        {
            await whileDown();
        }
        finally
        {
            restarted(await RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = data, Port = port }));
        }
    }
}
