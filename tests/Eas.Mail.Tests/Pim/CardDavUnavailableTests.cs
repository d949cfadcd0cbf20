using System.Diagnostics;
using Eas.Mail.LocalRadicale;
using Eas.Mail.Pim;
using Eas.Mail.Pim.CardDav;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Pim;

/// <summary>A CardDAV server that goes away is a retriable failure of the store, never a hang.</summary>
public sealed class CardDavUnavailableTests
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
            var store = new CardDavPimStore(http, radicale.HomeUrl("stopper"), "stopper", "Stop-Pass1", new CardDavOptions { RequestTimeout = TimeSpan.FromSeconds(2) });
            var book = (await store.ListCollectionsAsync(PimKind.Contacts, CancellationToken.None))[0].Id;
            await radicale.DisposeAsync();

            var clock = Stopwatch.StartNew();
            await Should.ThrowAsync<PimStoreUnavailableException>(() => store.GetChangesAsync(book, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
            await Should.ThrowAsync<PimStoreUnavailableException>(() => store.CreateAsync(book, "x", RadicaleFixture.VCard("x", "X"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_server_that_never_answers_is_unavailable_after_the_request_timeout()
    {
        using var http = new HttpClient(new FakeDavHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        }));
        var store = new CardDavPimStore(http, new Uri("http://dav.test/alice/"), "alice", "pw", new CardDavOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var failure = await Should.ThrowAsync<PimStoreUnavailableException>(() => store.GetTokenAsync("contacts", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        failure.Message.ShouldContain("did not answer PROPFIND");
    }
}
