using System.Collections.Concurrent;
using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Eas.Integration.Tests;

/// <summary>The license over real HTTP: slots for the first N accounts, refusals that show as explicitly disabled, the trial.</summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class LicenseTests(DovecotFixture dovecot)
{
    private const string Password = "License-Pass3";

    private static string Account(string prefix, int i) => $"{prefix}{i:D3}@{DovecotFixture.Domain}";

    private void AddUsers(string prefix, int count)
    {
        for (var i = 0; i < count; i++) dovecot.Dovecot.AddUser(Account(prefix, i), Password);
    }

    /// <summary>The first Provision phase of a 14.1 phone: admitted (200) or refused (403 carrying Status 126).</summary>
    private static async Task<HttpStatusCode> ConnectAsync(ServerInstance server, string account, string deviceId = "Phone1")
    {
        var phone = server.Phone(account, Password, deviceId, "14.1");
        var response = await phone.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType));
        if (response.Status == HttpStatusCode.Forbidden) response.Body.ShouldNotBeNull().ValueOf(Provision.Status).ShouldBe("126");
        return response.Status;
    }

    [Fact]
    public async Task Of_500_accounts_the_first_200_keep_working_and_freeing_one_slot_lets_exactly_one_more_in()
    {
        var prefix = "lic" + Guid.NewGuid().ToString("N")[..4];
        AddUsers(prefix, 500);
        await using var server = await ServerInstance.StartAsync(dovecot, null, null, [.. AdminClient.RootArgs, "--Eas:License:ActiveSyncMailboxCount=200"]);
        var admin = server.Admin();
        await admin.PutAsync("/service", new { defaults = new { activeSync = false } });
        await admin.PutAsync($"/domains/{DovecotFixture.Domain}", new { activeSync = true });

        var outcomes = new ConcurrentDictionary<string, HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var account = Account(prefix, i);
            outcomes[account] = await ConnectAsync(server, account);
            if (i % 50 == 0) outcomes[account + "/second"] = await ConnectAsync(server, account.ToUpperInvariant(), "Phone2");
        });

        var admitted = outcomes.Where(o => !o.Key.EndsWith("/second", StringComparison.Ordinal) && o.Value == HttpStatusCode.OK).Select(o => o.Key).ToHashSet();
        var refused = outcomes.Where(o => !o.Key.EndsWith("/second", StringComparison.Ordinal) && o.Value == HttpStatusCode.Forbidden).Select(o => o.Key).ToList();
        admitted.Count.ShouldBe(200);
        refused.Count.ShouldBe(300);
        foreach (var second in outcomes.Where(o => o.Key.EndsWith("/second", StringComparison.Ordinal)))
            second.Value.ShouldBe(outcomes[second.Key[..^"/second".Length]], "a second device of the same account takes no slot of its own");

        var license = await admin.GetAsync("/license");
        license["licensed"]!.GetValue<int>().ShouldBe(200);
        license["used"]!.GetValue<int>().ShouldBe(200);
        license["free"]!.GetValue<int>().ShouldBe(0);
        license["holders"]!.AsArray().Select(h => h!["accountId"]!.GetValue<string>()).ToHashSet().SetEquals(admitted).ShouldBeTrue();
        license["turnedOff"]!.AsArray().Count.ShouldBe(300);

        var turnedOff = await admin.GetAsync($"/accounts/{refused[0]}");
        turnedOff["settings"]!["features"]!["activeSync"]!.GetValue<bool>().ShouldBeFalse();
        turnedOff["settings"]!["disabledByLicense"]!.GetValue<bool>().ShouldBeTrue();
        turnedOff["effective"]!["activeSync"]!["source"]!.GetValue<string>().ShouldBe("license");
        var holder = admitted.First();
        var held = await admin.GetAsync($"/accounts/{holder}");
        held["holdsSlot"]!.GetValue<bool>().ShouldBeTrue();
        held["effective"]!["activeSync"]!["source"]!.GetValue<string>().ShouldBe("domain");

        (await admin.PutAsync($"/accounts/{holder}", new { activeSync = false }))["holdsSlot"]!.GetValue<bool>().ShouldBeFalse();
        (await ConnectAsync(server, holder)).ShouldBe(HttpStatusCode.Forbidden);
        (await ConnectAsync(server, refused[0])).ShouldBe(HttpStatusCode.Forbidden, "a turned-off account stays off until an admin re-enables it");
        await admin.PutAsync($"/accounts/{refused[0]}", new { });
        await admin.PutAsync($"/accounts/{refused[1]}", new { });
        (await ConnectAsync(server, refused[0])).ShouldBe(HttpStatusCode.OK);
        (await ConnectAsync(server, refused[1])).ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/license"))["used"]!.GetValue<int>().ShouldBe(200);

        using (var http = server.CreateHttpClient())
        {
            var scrape = Eas.Host.Tests.Diagnostics.PrometheusTextParser.Parse(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
            scrape.Sum("eas_license_slots_licensed").ShouldBe(200);
            scrape.Sum("eas_license_slots_held").ShouldBe(200);
            scrape.Sum("eas_license_slots_free").ShouldBe(0);
        }

        var audit = (await admin.GetAsync("/audit?limit=1000")).AsArray();
        audit.ShouldContain(e => e!["change"]!.GetValue<string>() == "account.settings" && e["by"]!.GetValue<string>() == "admin:root");
        audit.ShouldContain(e => e!["change"]!.GetValue<string>() == "license.slot_released" && e["by"]!.GetValue<string>() == "admin:root");
    }

    [Fact]
    public async Task The_trial_lets_20_of_25_accounts_in_keeps_them_across_a_restart_and_stops_everyone_on_day_31()
    {
        var prefix = "trial" + Guid.NewGuid().ToString("N")[..4];
        AddUsers(prefix, 25);
        var clock = new ShiftedClock();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "eas-it-trial-" + Guid.NewGuid().ToString("N")[..8]);
        void UseClock(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) => builder.Services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(clock);

        var admitted = new List<string>();
        await using (var server = await ServerInstance.StartAsync(dovecot, dataDirectory, UseClock, AdminClient.RootArgs))
        {
            for (var i = 0; i < 25; i++)
                if (await ConnectAsync(server, Account(prefix, i)) == HttpStatusCode.OK) admitted.Add(Account(prefix, i));
            admitted.Count.ShouldBe(20);
            var license = await server.Admin().GetAsync("/license");
            license["isTrial"]!.GetValue<bool>().ShouldBeTrue();
            license["licensed"]!.GetValue<int>().ShouldBe(20);
            license["trialDaysLeft"]!.GetValue<double>().ShouldBeInRange(29.9, 30);
        }

        await using (var server = await ServerInstance.StartAsync(dovecot, dataDirectory, UseClock, AdminClient.RootArgs))
        {
            (await ConnectAsync(server, admitted[0])).ShouldBe(HttpStatusCode.OK, "slots survive a restart");
            (await ConnectAsync(server, Account(prefix, 24))).ShouldBe(HttpStatusCode.Forbidden);

            clock.Offset = TimeSpan.FromDays(30) + TimeSpan.FromHours(1);
            (await ConnectAsync(server, admitted[0])).ShouldBe(HttpStatusCode.Forbidden, "day 31: the trial is over for everyone");
            (await ConnectAsync(server, admitted[1])).ShouldBe(HttpStatusCode.Forbidden);
            var license = await server.Admin().GetAsync("/license");
            license["expired"]!.GetValue<bool>().ShouldBeTrue();
            license["trialDaysLeft"]!.GetValue<double>().ShouldBe(0);
        }
    }
}
