using System.Diagnostics;
using Eas.Mail.LocalRadicale;
using Eas.Mail.Pim;
using Eas.Mail.Pim.CalDav;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Pim;

/// <summary>A CalDAV server that goes away is a retriable failure of the store, never a hang.</summary>
public sealed class CalDavUnavailableTests
{
    [Fact]
    public async Task A_stopped_radicale_makes_the_store_unavailable_within_the_request_timeout()
    {
        var directory = Directory.CreateTempSubdirectory("eas-radicale-").FullName;
        using var http = new HttpClient();
        try
        {
            var radicale = await RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = directory });
            radicale.AddUser("stopper", "Stop-Pass1");
            var store = new CalDavPimStore(http, radicale.BaseUrl, "stopper", "Stop-Pass1", new CalDavOptions { RequestTimeout = TimeSpan.FromSeconds(2) });
            var calendar = (await store.ListCollectionsAsync(PimKind.Calendar, CancellationToken.None))[0].Id;
            await radicale.DisposeAsync();

            var clock = Stopwatch.StartNew();
            await Should.ThrowAsync<PimStoreUnavailableException>(() => store.GetChangesAsync(calendar, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
            await Should.ThrowAsync<PimStoreUnavailableException>(() => store.CreateAsync(calendar, "x", RadicaleFixture.ICalendar("x", "X"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
            await Should.ThrowAsync<PimStoreUnavailableException>(() => store.GetTokenAsync(calendar, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_server_that_is_down_before_discovery_makes_the_store_unavailable()
    {
        using var http = new HttpClient();
        var store = new CalDavPimStore(http, new Uri($"http://127.0.0.1:{ClosedPort.Pick()}/"), "alice", "pw", new CalDavOptions { RequestTimeout = TimeSpan.FromSeconds(2) });

        await Should.ThrowAsync<PimStoreUnavailableException>(() => store.ListCollectionsAsync(PimKind.Tasks, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
