using System.Net;
using Eas.Actors.Tests.Support;
using Eas.Integration.Tests.Support;
using Npgsql;

namespace Eas.Integration.Tests;

/// <summary>
/// The admin's reads from the journal (the audit log, an account's devices) on a node whose journal is not ready: its
/// PostgreSQL answers no connection until the test lets it (a relay that holds them), so the journal has not created its
/// tables. They answer 503 with Retry-After, never 500, and their data once the journal is ready.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class AdminReadJournalTests(DovecotFixture dovecot, PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [PostgresFact]
    public async Task Admin_reads_before_the_journal_is_ready_answer_503_and_then_their_data()
    {
        var database = await postgres.CreateDatabaseAsync("admin_reads");
        await using var relay = TcpRelay.Start(postgres.Port);
        relay.Hold();
        // A connection waits for the relay far longer than the test holds it, so the journal's start is slow, not failed.
        var held = new NpgsqlConnectionStringBuilder(database) { Port = relay.Port, Timeout = 600 }.ToString();
        await using var server = await ServerInstance.StartAsync(dovecot, null, [.. LegacyStatePostgresImportTests.PostgresArgs(held), .. AdminClient.RootArgs]);
        var admin = server.Admin();

        foreach (var path in new[] { "/audit", "/accounts/mike/devices" })
        {
            using var early = await admin.SendAsync(HttpMethod.Get, path);
            early.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, $"{path}: {await early.Content.ReadAsStringAsync()}");
            early.Headers.RetryAfter.ShouldNotBeNull();
        }

        relay.Release();

        (await EventuallyAsync(admin, "/audit")).ShouldStartWith("[");
        (await EventuallyAsync(admin, "/accounts/mike/devices")).ShouldBe("[]");
    }

    /// <summary>The body of the first success; until then only 503 is allowed (the journal finishing its start).</summary>
    private static async Task<string> EventuallyAsync(AdminClient admin, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            using var response = await admin.SendAsync(HttpMethod.Get, path);
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode) return text;
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, $"{path}: {text}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} still answered 503 after three minutes: {text}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
